import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { verifyPassword } from "./passwords";
import { signInMessage } from "./sign-in-message";
import { reserveAttempt, settleSuccess, userSubject } from "./throttle";

export type VerifyCurrentPasswordOptions = {
  userId: string;
  password: string;
  clientAddress: string;
  now?: Date;
};

/**
 * Checks a signed-in user's current password before a change that needs it (their
 * password, their email). Wrong guesses count towards the same lock as failed sign-ins
 * from that address, so an unattended session is no faster way to guess. Call it
 * before opening the change's transaction: argon2 must not run inside one.
 */
export async function verifyCurrentPassword({
  userId,
  password,
  clientAddress,
  now = new Date(),
}: VerifyCurrentPasswordOptions): Promise<void> {
  const [user] = await getDb()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFoundError();
  const attempt = await reserveAttempt({ subject: userSubject(userId), clientAddress, now });
  if (!attempt.ok) throw refusal(signInMessage(attempt.reason, attempt.retryAfterSeconds));
  if (!(await verifyPassword(user.passwordHash, password))) {
    const { lockedForSeconds } = attempt.reservation;
    if (lockedForSeconds > 0) throw refusal(signInMessage("locked", lockedForSeconds));
    throw new InvalidError("Check the highlighted fields.", {
      currentPassword: "The current password is incorrect.",
    });
  }
  await getDb().transaction((tx) => settleSuccess(tx, attempt.reservation));
}

function refusal(message: string): InvalidError {
  return new InvalidError(message, { currentPassword: message });
}
