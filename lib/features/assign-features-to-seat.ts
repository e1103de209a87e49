import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Feature, features, seats } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { featureKindLabels } from "./kinds";

export type AssignFeaturesToSeatOptions = {
  accountId: string;
  instanceId: string;
  seatId: string;
  featureIds: readonly string[];
};

const field = "featureIds";

/**
 * Gives spare features to a seat, in the caller's transaction. The rows are locked first,
 * so of two seats taking the same spare at once one gets it and the other is told which
 * feature was taken. Features the seat already has are kept as they are.
 */
export async function assignFeaturesToSeat(
  tx: Executor,
  { accountId, instanceId, seatId, featureIds }: AssignFeaturesToSeatOptions,
): Promise<Feature[]> {
  const ids = [...new Set(featureIds)];
  if (ids.length === 0) return [];
  if (!ids.every(isUuid)) throw new ConflictError("A chosen feature does not exist.", field);
  const [seat] = await tx
    .select({ id: seats.id })
    .from(seats)
    .where(
      and(eq(seats.id, seatId), eq(seats.instanceId, instanceId), eq(seats.accountId, accountId)),
    );
  if (!seat) throw new NotFoundError("This seat is not in the instance.");
  const rows = await tx
    .select()
    .from(features)
    .where(and(inArray(features.id, ids), eq(features.accountId, accountId)))
    .orderBy(features.id)
    .for("update");
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const id of ids) {
    const feature = byId.get(id);
    const named = feature
      ? `${featureKindLabels[feature.kind]} ${feature.name}`
      : "A chosen feature";
    if (!feature) throw new ConflictError(`${named} no longer exists.`, field);
    if (feature.instanceId !== instanceId) {
      throw new ConflictError(`${named} belongs to another instance.`, field);
    }
    if (feature.seatId !== null && feature.seatId !== seatId) {
      throw new ConflictError(`${named} is no longer spare: another seat has it now.`, field);
    }
  }
  return tx
    .update(features)
    .set({ seatId, updatedAt: new Date() })
    .where(inArray(features.id, ids))
    .returning();
}
