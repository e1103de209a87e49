import "server-only";
import { count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type FeatureKind, featureKinds, features, seats } from "@/db/schema";

export type InstanceUsage = {
  featureCounts: Record<FeatureKind, number>;
  featureTotal: number;
  seatCount: number;
};

/** How many features of each kind and how many seats an instance has. */
export async function instanceUsage(db: Executor, instanceId: string): Promise<InstanceUsage> {
  const [kindRows, [seatRow]] = await Promise.all([
    db
      .select({ kind: features.kind, count: count() })
      .from(features)
      .where(eq(features.instanceId, instanceId))
      .groupBy(features.kind),
    db.select({ count: count() }).from(seats).where(eq(seats.instanceId, instanceId)),
  ]);
  const featureCounts = Object.fromEntries(featureKinds.map((kind) => [kind, 0])) as Record<
    FeatureKind,
    number
  >;
  for (const row of kindRows) {
    if (row.kind in featureCounts) featureCounts[row.kind] = Number(row.count);
  }
  const featureTotal = kindRows.reduce((sum, row) => sum + Number(row.count), 0);
  return { featureCounts, featureTotal, seatCount: Number(seatRow?.count ?? 0) };
}
