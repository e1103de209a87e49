// No "server-only" marker: the billing run (a background job under plain Node) reads it too.
import { and, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accountUserCounts, type FeatureKind, features, instances } from "@/db/schema";
import type { ResourceKey } from "./catalog";

export type ResourceUsage = Record<ResourceKey, number>;
export type AccountUsage = { seats: number; resources: ResourceUsage };

/** The feature kind each metered resource counts; instances are their own table. */
export const resourceFeatureKinds = {
  phoneNumbers: "phone_number",
  conferenceRooms: "conference_room",
  faxMachines: "fax_machine",
} as const satisfies Partial<Record<ResourceKey, FeatureKind>>;

const featureResources = Object.entries(resourceFeatureKinds) as [
  keyof typeof resourceFeatureKinds,
  FeatureKind,
][];

/** The metered resource a feature kind counts toward, if any (devices and ring groups are free). */
export function resourceOfFeatureKind(kind: FeatureKind): ResourceKey | undefined {
  return featureResources.find(([, featureKind]) => featureKind === kind)?.[0];
}

/** Through the account's instances, so the count uses the features' (instance, kind) index. */
function accountFeatures(tx: Executor, accountId: string) {
  return and(
    eq(features.accountId, accountId),
    inArray(
      features.instanceId,
      tx.select({ id: instances.id }).from(instances).where(eq(instances.accountId, accountId)),
    ),
  );
}

/** How many of one resource the account uses now. */
export async function countResource(
  tx: Executor,
  accountId: string,
  resource: ResourceKey,
): Promise<number> {
  if (resource === "storageGb") return 0;
  if (resource === "instances") {
    const [row] = await tx
      .select({ value: count() })
      .from(instances)
      .where(eq(instances.accountId, accountId));
    return row?.value ?? 0;
  }
  const [row] = await tx
    .select({ value: count() })
    .from(features)
    .where(and(accountFeatures(tx, accountId), eq(features.kind, resourceFeatureKinds[resource])));
  return row?.value ?? 0;
}

/**
 * Billed seats (active users, kept by triggers in account_user_counts) and the resources in
 * use. Nothing stores files yet, so storage reads 0 GB.
 */
export async function readUsage(tx: Executor, accountId: string): Promise<AccountUsage> {
  const [seatRow] = await tx
    .select({ active: accountUserCounts.active })
    .from(accountUserCounts)
    .where(eq(accountUserCounts.accountId, accountId));
  const [instanceRow] = await tx
    .select({ value: count() })
    .from(instances)
    .where(eq(instances.accountId, accountId));
  const featureRows = await tx
    .select({ kind: features.kind, value: count() })
    .from(features)
    .where(
      and(
        accountFeatures(tx, accountId),
        inArray(
          features.kind,
          featureResources.map(([, kind]) => kind),
        ),
      ),
    )
    .groupBy(features.kind);
  const featureCount = (kind: FeatureKind) =>
    featureRows.find((row) => row.kind === kind)?.value ?? 0;
  return {
    seats: seatRow?.active ?? 0,
    resources: {
      instances: instanceRow?.value ?? 0,
      phoneNumbers: featureCount("phone_number"),
      conferenceRooms: featureCount("conference_room"),
      faxMachines: featureCount("fax_machine"),
      storageGb: 0,
    },
  };
}
