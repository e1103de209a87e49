import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { hashPassword, passwordHashIsStale, verifyAgainstDummy, verifyPassword } from "./passwords";
import {
  loginSubject,
  reserveAttempt,
  settleSuccess,
  type ThrottleRefusal,
  userSubject,
} from "./throttle";

export type AuthenticateResult =
  | { ok: true; user: { id: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | ThrottleRefusal;

export type AuthenticateOptions = {
  login: string;
  password: string;
  clientAddress: string;
  now?: Date;
};

/**
 * Checks a sign-in. Wrong password, unknown user and inactive user all answer
 * "invalid" after one hash verify each, and unknown names are throttled like real
 * ones, so neither the answer nor its timing tells which accounts exist.
 */
export async function authenticate({
  login,
  password,
  clientAddress,
  now = new Date(),
}: AuthenticateOptions): Promise<AuthenticateResult> {
  const name = login.trim().toLowerCase();
  const [user] = name
    ? await getDb()
        .select()
        .from(users)
        .where(or(eq(sql`lower(${users.userName})`, name), eq(sql`lower(${users.email})`, name)))
        .limit(1)
    : [];
  const subject = user ? userSubject(user.id) : loginSubject(name);
  const attempt = await reserveAttempt({ subject, clientAddress, now });
  if (!attempt.ok) return attempt;

  // argon2 takes tens of milliseconds of CPU: no transaction, lock or connection is held
  // meanwhile. The attempt already counts as failed, so guesses racing it gain nothing.
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);

  if (!user || !passwordOk || !user.active) {
    if (user) {
      await recordActivity(getDb(), {
        accountId: user.accountId,
        kind: "user.sign_in_failed",
        target: user,
        details: { reason: user.active ? "wrong password" : "inactive user" },
        clientAddress,
      });
    }
    const retryAfterSeconds = attempt.reservation.lockedForSeconds;
    return retryAfterSeconds > 0
      ? { ok: false, reason: "locked", retryAfterSeconds }
      : { ok: false, reason: "invalid" };
  }

  const freshHash = passwordHashIsStale(user.passwordHash)
    ? await hashPassword(password)
    : undefined;
  await getDb().transaction(async (tx) => {
    await settleSuccess(tx, attempt.reservation);
    if (freshHash) {
      // Only over the hash just verified: a password changed meanwhile stays changed.
      await tx
        .update(users)
        .set({ passwordHash: freshHash })
        .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
    }
    await recordActivity(tx, {
      accountId: user.accountId,
      kind: "user.signed_in",
      actor: user,
      target: user,
      clientAddress,
    });
  });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}
