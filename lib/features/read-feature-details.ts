import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Feature, seats, users } from "@/db/schema";
import { featureUsage } from "./feature-usage";
import { type SeatHolder, seatHolder, seatHolderColumns } from "./seat-holder";

export type FeatureDetails = {
  feature: Feature;
  instance: { id: string; name: string };
  assignedTo: SeatHolder | null;
  /** Where deleting it would reach, as the delete confirmation says it. */
  usage: string[];
};

/**
 * A feature as its details show it: who has it and where it is in use. One reading for the
 * details page and for the writes that check, inside their transaction, that nothing of it
 * changed since it was read.
 */
export async function readFeatureDetails(
  db: Executor,
  instance: FeatureDetails["instance"],
  feature: Feature,
): Promise<FeatureDetails> {
  const [holder] = feature.seatId
    ? await db
        .select(seatHolderColumns)
        .from(seats)
        .innerJoin(users, eq(users.id, seats.userId))
        .where(eq(seats.id, feature.seatId))
    : [];
  return {
    feature,
    instance,
    assignedTo: holder ? seatHolder(holder) : null,
    usage: await featureUsage(db, feature),
  };
}
