import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { uniqueViolation } from "@/db/errors";
import { features, instances } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { formatPhone } from "@/lib/users/fields/phone";
import type { FeatureColumns } from "./feature-columns";

const uniqueColumns = {
  features_phone_number_key: { column: features.phoneNumber, field: "number", show: formatPhone },
  features_mac_address_key: { column: features.macAddress, field: "macAddress", show: String },
} as const;

/** "+1 212 555 0100 is already in this account (instance New York)." */
export function alreadyInAccountMessage(shown: string, instanceName: string | undefined): string {
  return `${shown} is already in this account${instanceName ? ` (instance ${instanceName})` : ""}.`;
}

/**
 * Runs a feature's insert or update in a savepoint, so a phone number or MAC address
 * already in the account (the partial unique indexes decide, races included) becomes a
 * refusal on its field that names where it is, and the caller's transaction goes on.
 */
export async function writeUniqueFeature<T>(
  tx: Executor,
  accountId: string,
  columns: Pick<FeatureColumns, "phoneNumber" | "macAddress">,
  write: (savepoint: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await tx.transaction(write);
  } catch (error) {
    const index = uniqueViolation(error);
    if (index !== "features_phone_number_key" && index !== "features_mac_address_key") throw error;
    const unique = uniqueColumns[index];
    const value = index === "features_phone_number_key" ? columns.phoneNumber : columns.macAddress;
    const [holder] = await tx
      .select({ instanceName: instances.name })
      .from(features)
      .innerJoin(instances, eq(instances.id, features.instanceId))
      .where(and(eq(features.accountId, accountId), eq(unique.column, value ?? "")))
      .limit(1);
    throw new ConflictError(
      alreadyInAccountMessage(unique.show(value ?? ""), holder?.instanceName),
      unique.field,
    );
  }
}
