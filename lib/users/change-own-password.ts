import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { signInMessage } from "@/lib/auth/sign-in-message";
import { clearFailures, lockedForSeconds, recordFailure } from "@/lib/auth/throttle";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { passwordProblem } from "@/lib/passwords/password-policy";
import type { ChangePasswordInput } from "./schemas";

/** Changes the actor's password after checking the current one; all their sessions end. */
export async function changeOwnPassword({
  actor,
  input,
}: {
  actor: Actor;
  input: ChangePasswordInput;
}) {
  const db = getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new NotFoundError();
  // Guessing the current password counts towards the same lock as failed sign-ins.
  const subject = `user:${user.id}`;
  const now = new Date();
  const lockedSeconds = await lockedForSeconds(db, subject, now);
  if (lockedSeconds > 0) {
    const message = signInMessage("locked", lockedSeconds);
    throw new InvalidError(message, { currentPassword: message });
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(db, subject, actor.clientAddress, now);
    throw new InvalidError("Check the highlighted fields.", {
      currentPassword: "The current password is incorrect.",
    });
  }
  const problem = passwordProblem(input.newPassword, {
    userName: user.userName,
    email: user.email,
  });
  if (problem) throw new InvalidError("Check the highlighted fields.", { newPassword: problem });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await clearFailures(tx, subject);
    await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, actor.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "user.updated",
      actor,
      target: actor,
      details: { changes: [], passwordChanged: true },
      clientAddress: actor.clientAddress,
    });
  });
}
