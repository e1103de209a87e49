import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { assertMayManageUser } from "@/lib/users/delegation-guard";
import { isUuid } from "@/lib/uuid";
import { clearedUndeliverableMark } from "./undeliverable-mark";

export type ClearUndeliverableOptions = { actor: Actor; userId: string };

/**
 * Lets the portal send to a user's address again after a bounce or complaint marked it
 * undeliverable (the Administrator has checked the address). Nothing to clear: no change.
 */
export async function clearUndeliverable({
  actor,
  userId,
}: ClearUndeliverableOptions): Promise<void> {
  assertCan(actor, "users", "edit");
  if (!isUuid(userId)) throw new NotFoundError("No such user.");
  await getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        role: users.role,
        userName: users.userName,
        email: users.email,
        markedAt: users.emailUndeliverableAt,
        reason: users.emailUndeliverableReason,
      })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.accountId, actor.accountId)))
      .for("update");
    if (!user) throw new NotFoundError("No such user.");
    await assertMayManageUser(tx, actor, user);
    if (!user.markedAt) return;
    await tx
      .update(users)
      .set({ ...clearedUndeliverableMark, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "user.updated",
      actor,
      target: user,
      details: {
        changes: [{ field: "emailUndeliverable", before: true, after: false }],
        reason: user.reason,
      },
      clientAddress: actor.clientAddress,
    });
  });
}
