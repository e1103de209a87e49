import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features, instanceExtensions, instances } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { FieldErrors } from "@/lib/errors";
import { formatPhone, parsePhone } from "@/lib/users/fields/phone";
import { isUuid } from "@/lib/uuid";
import { extensionTakenMessage } from "./extension-claims";
import { extensionField } from "./feature-columns";
import { parseMacAddress } from "./fields/mac-address";
import { findFeatureInstance } from "./find-feature";
import type { FeatureKind } from "./kinds";
import { alreadyInAccountMessage } from "./unique-feature-values";

export type FeatureFieldConflictsOptions = {
  actor: Actor;
  instanceId: string;
  kind: FeatureKind;
  /** The feature being edited, whose own values are not in the way. */
  featureId?: string;
  /** The form as posted. */
  values: Record<string, string | string[]>;
};

const kindsWithExtension = new Set<FeatureKind>(["conference_room", "ring_group", "voicemail_box"]);

/**
 * The values of a refused form that are taken (an extension, a phone number, a MAC
 * address), so one Save reports them with the other problems. Only a hint: the save
 * itself decides, under its own locks and constraints.
 */
export async function featureFieldConflicts({
  actor,
  instanceId,
  kind,
  featureId: editedId,
  values,
}: FeatureFieldConflictsOptions): Promise<FieldErrors> {
  assertCan(actor, "features", editedId === undefined ? "create" : "edit");
  const featureId = isUuid(editedId) ? editedId : undefined;
  const db = getDb();
  const instance = await findFeatureInstance(db, actor.accountId, instanceId);
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value.trim() : "";
  };
  const errors: FieldErrors = {};
  const field = extensionField(kind);
  const extension = text(field);
  if (kindsWithExtension.has(kind) && /^[0-9]{1,8}$/.test(extension)) {
    const [holder] = await db
      .select({ label: instanceExtensions.ownerLabel })
      .from(instanceExtensions)
      .where(
        and(
          eq(instanceExtensions.instanceId, instance.id),
          eq(instanceExtensions.extension, extension),
          featureId ? ne(instanceExtensions.ownerId, featureId) : undefined,
        ),
      );
    if (holder) errors[field] = extensionTakenMessage(extension, holder.label);
  }
  const phone = kind === "phone_number" ? parsePhone(text("number")) : undefined;
  const mac =
    kind === "device" && text("macAddress") ? parseMacAddress(text("macAddress")) : undefined;
  const unique =
    phone?.ok && phone.e164
      ? {
          field: "number",
          column: features.phoneNumber,
          value: phone.e164,
          shown: formatPhone(phone.e164),
        }
      : mac?.ok
        ? { field: "macAddress", column: features.macAddress, value: mac.mac, shown: mac.mac }
        : undefined;
  if (unique) {
    const [holder] = await db
      .select({ instanceName: instances.name })
      .from(features)
      .innerJoin(instances, eq(instances.id, features.instanceId))
      .where(
        and(
          eq(features.accountId, actor.accountId),
          eq(unique.column, unique.value),
          featureId ? ne(features.id, featureId) : undefined,
        ),
      );
    if (holder) errors[unique.field] = alreadyInAccountMessage(unique.shown, holder.instanceName);
  }
  return errors;
}
