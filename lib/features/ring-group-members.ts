import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { features, seats } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

/**
 * A ring group rings seats and devices of its own instance only. The members are locked
 * (shared) until the caller commits, so one deleted meanwhile waits for the ring group to
 * be saved, then leaves it again (removeRingGroupMember) instead of leaving a stale id.
 */
export async function assertRingGroupMembers(
  tx: Executor,
  { instanceId, members }: { instanceId: string; members: readonly string[] },
): Promise<void> {
  if (members.length === 0) return;
  const [seatRows, deviceRows] = await Promise.all([
    tx
      .select({ id: seats.id })
      .from(seats)
      .where(and(eq(seats.instanceId, instanceId), inArray(seats.id, [...members])))
      .for("share"),
    tx
      .select({ id: features.id })
      .from(features)
      .where(
        and(
          eq(features.instanceId, instanceId),
          eq(features.kind, "device"),
          inArray(features.id, [...members]),
        ),
      )
      .for("share"),
  ]);
  const found = new Set([...seatRows, ...deviceRows].map((row) => row.id));
  const missing = members.filter((id) => !found.has(id)).length;
  if (missing > 0) {
    throw new ConflictError(
      missing === 1
        ? "One chosen member is not a seat or device of this instance (any more): choose again."
        : `${missing} chosen members are not seats or devices of this instance (any more): choose again.`,
      "members",
    );
  }
}

/**
 * Takes a deleted seat or device out of every ring group of its instance, in the
 * transaction that deletes it. Returns the names of the ring groups it left.
 */
export async function removeRingGroupMember(
  tx: Executor,
  { instanceId, memberId }: { instanceId: string; memberId: string },
): Promise<string[]> {
  const rows = await tx
    .update(features)
    .set({
      settings: sql`jsonb_set(${features.settings}, '{members}', coalesce((select jsonb_agg(member) from jsonb_array_elements(${features.settings}->'members') as member where member <> to_jsonb(${memberId}::text)), '[]'::jsonb))`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(features.instanceId, instanceId),
        eq(features.kind, "ring_group"),
        sql`${features.settings}->'members' @> ${JSON.stringify([memberId])}::jsonb`,
      ),
    )
    .returning({ name: features.name });
  return rows.map((row) => row.name);
}
