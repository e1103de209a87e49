import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { verifyCurrentPassword } from "@/lib/auth/verify-current-password";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { revokePasswordTokens } from "@/lib/password-tokens/revoke-password-tokens";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { queueUserAlert } from "./queue-user-alert";
import type { ChangePasswordInput } from "./schemas";

export type ChangeOwnPasswordOptions = { actor: Actor; input: ChangePasswordInput };

/**
 * Changes the actor's password after checking the current one; all their sessions and
 * emailed links end, and they are told by email (a stranger at an open session would be).
 */
export async function changeOwnPassword({ actor, input }: ChangeOwnPasswordOptions) {
  const db = getDb();
  const [user] = await db
    .select({
      accountId: users.accountId,
      userName: users.userName,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!user) throw new NotFoundError();
  await verifyCurrentPassword({
    userId: actor.id,
    password: input.currentPassword,
    clientAddress: actor.clientAddress,
  });
  const problem = passwordProblem(input.newPassword, user);
  if (problem) throw new InvalidError("Check the highlighted fields.", { newPassword: problem });
  // Hashed before the transaction: argon2 must not hold a connection or a lock.
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
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
    await revokePasswordTokens(tx, actor.id);
    await queueUserAlert(tx, {
      user: { ...user, id: actor.id },
      template: "password-changed",
      props: { userName: user.userName },
    });
  });
}
