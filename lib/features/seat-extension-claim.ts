import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { seats, users } from "@/db/schema";
import { claimExtension } from "./extension-claims";

/**
 * An extension has one owner in an instance, so a seat whose voicemail box is numbered like
 * the seat holds no claim of its own: the box's claim covers both. When the box lets go of
 * the number (deleted, renumbered), the seat takes the claim over in the same transaction,
 * so the seat's extension never becomes free for something else while the seat has it.
 */
export async function keepSeatExtensionClaimed(
  tx: Executor,
  { instanceId, extension }: { instanceId: string; extension: string },
): Promise<void> {
  const [seat] = await tx
    .select({ id: seats.id, userName: users.userName })
    .from(seats)
    .innerJoin(users, eq(users.id, seats.userId))
    .where(and(eq(seats.instanceId, instanceId), eq(seats.extension, extension)))
    .limit(1);
  if (!seat) return;
  await claimExtension(tx, {
    instanceId,
    extension,
    ownerKind: "seat",
    ownerId: seat.id,
    ownerLabel: `the seat of ${seat.userName}`,
    field: "extension",
  });
}
