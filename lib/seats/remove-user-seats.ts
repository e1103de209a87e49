import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { features, instances, seats } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { releaseExtensionsOf } from "@/lib/features/extension-claims";
import { removeRingGroupMember } from "@/lib/features/ring-group-members";

/**
 * What becomes of a leaving user's features: kept as spares of their instances, or
 * released (deleted). Phone numbers are never deleted this way: released, they are spares.
 */
export type SeatFeatureDisposition = "keep" | "release";
export const seatFeatureDispositions = ["keep", "release"] as const;

export type RemoveUserSeatsOptions = {
  actor: Actor;
  user: { id: string; userName: string };
  features: SeatFeatureDisposition;
};

/** Ends every seat of a user (deleted or inactivated), in the caller's transaction. */
export async function removeUserSeats(
  tx: Transaction,
  { actor, user, features: disposition }: RemoveUserSeatsOptions,
) {
  const userSeats = await tx
    .select({ id: seats.id, instanceId: seats.instanceId, instanceName: instances.name })
    .from(seats)
    .innerJoin(instances, eq(instances.id, seats.instanceId))
    .where(and(eq(seats.userId, user.id), eq(seats.accountId, actor.accountId)))
    .for("update", { of: seats });
  if (userSeats.length === 0) return;
  if (disposition === "release") assertCan(actor, "features", "delete");
  for (const seat of userSeats) {
    const released =
      disposition === "release"
        ? await tx
            .delete(features)
            .where(and(eq(features.seatId, seat.id), ne(features.kind, "phone_number")))
            .returning({ id: features.id, name: features.name })
        : [];
    for (const feature of released) await releaseExtensionsOf(tx, feature.id);
    const kept = await tx
      .update(features)
      .set({ seatId: null, updatedAt: new Date() })
      .where(eq(features.seatId, seat.id))
      .returning({ name: features.name });
    await releaseExtensionsOf(tx, seat.id);
    // Ring groups that rang this seat stop naming it.
    await removeRingGroupMember(tx, { instanceId: seat.instanceId, memberId: seat.id });
    await tx.delete(seats).where(eq(seats.id, seat.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "seat.deleted",
      actor,
      target: user,
      details: {
        instance: seat.instanceName,
        released: released.map((feature) => feature.name),
        keptAsSpares: kept.map((feature) => feature.name),
      },
      clientAddress: actor.clientAddress,
    });
  }
}
