import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type PasswordTokenPurpose, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { hashPassword } from "@/lib/auth/passwords";
import { InvalidError } from "@/lib/errors";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { queueUserAlert } from "@/lib/users/queue-user-alert";
import { consumePasswordToken } from "./consume-password-token";
import { invalidLinkMessage } from "./token-lifetimes";
import { findTokenUser } from "./token-user";

export type SetPasswordWithTokenOptions = {
  token: string;
  purpose: PasswordTokenPurpose;
  newPassword: string;
  clientAddress: string;
  now?: Date;
};

const activityReasons: Record<PasswordTokenPurpose, string> = {
  set_password: "Chosen through the login instructions' link",
  reset_password: "Reset through an emailed link",
};

/**
 * Sets the password of the link's user and spends the link. Their other sessions end (the
 * session version moves on), as with every password change; the caller then signs them in.
 * After a reset the user is told their password changed.
 */
export async function setPasswordWithToken({
  token,
  purpose,
  newPassword,
  clientAddress,
  now = new Date(),
}: SetPasswordWithTokenOptions): Promise<{ userName: string }> {
  const db = getDb();
  // Read first without spending the link: a refused password leaves it usable.
  const holder = await findTokenUser(db, { token, purpose, now });
  if (!holder) throw new InvalidError(invalidLinkMessage);
  const problem = passwordProblem(newPassword, holder);
  if (problem) throw new InvalidError("Check the highlighted fields.", { newPassword: problem });
  // argon2 runs before the transaction: it must not hold a connection or a lock.
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const user = await consumePasswordToken(tx, { token, purpose, now });
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, user.id));
    await recordActivity(tx, {
      accountId: user.accountId,
      kind: "user.updated",
      actor: user,
      target: user,
      details: { changes: [], passwordChanged: true, reason: activityReasons[purpose] },
      clientAddress,
    });
    if (purpose === "reset_password") {
      await queueUserAlert(tx, {
        user,
        template: "password-changed",
        props: { userName: user.userName },
      });
    }
    return { userName: user.userName };
  });
}
