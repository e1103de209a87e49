import "server-only";
import { getDb } from "@/db/client";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { assertMayManageUser } from "./delegation-guard";
import { findAccountUser } from "./find-user";
import { portalOrigin } from "./portal-origin";
import { queueLoginInstructions } from "./queue-login-instructions";

export type ResendLoginInstructionsOptions = {
  actor: Actor;
  userId: string;
  /** Where the link points; default: the portal's (lib/users/portal-origin). */
  origin?: string;
};

/**
 * "Resend login instructions": a new set-password link by email; the links sent before stop
 * working. The link sets a password, so it is as strong as changing one: Users→Edit on a
 * user the actor may manage.
 */
export async function resendLoginInstructions({
  actor,
  userId,
  origin,
}: ResendLoginInstructionsOptions): Promise<void> {
  assertCan(actor, "users", "edit");
  const linkOrigin = origin ?? (await portalOrigin());
  await getDb().transaction(async (tx) => {
    const user = await findAccountUser(tx, actor.accountId, userId);
    await assertMayManageUser(tx, actor, user);
    if (!user.active) {
      throw new ConflictError("Inactive users cannot sign in: reactivate them first.");
    }
    await queueLoginInstructions(tx, { user, origin: linkOrigin });
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "user.updated",
      actor,
      target: user,
      details: { changes: [], reason: "Login instructions sent" },
      clientAddress: actor.clientAddress,
    });
  });
}
