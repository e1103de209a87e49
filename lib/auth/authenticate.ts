import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { signInFailures, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { hashPassword, passwordHashIsStale, verifyAgainstDummy, verifyPassword } from "./passwords";
import { addressIsBlocked, clearFailures, lockedForSeconds, recordFailure } from "./throttle";

export type AuthenticateResult =
  | { ok: true; user: { id: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number }
  | { ok: false; reason: "address_blocked"; retryAfterSeconds: number };

/**
 * Holds a transaction-scoped lock on a sign-in subject, so attempts for one
 * address or one user are checked one at a time: guesses sent together cannot
 * all slip past the counters while the first one is still being verified.
 */
async function lockSubject(tx: Executor, space: number, subject: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${space}, hashtext(${subject}))`);
}

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
}: {
  login: string;
  password: string;
  clientAddress: string;
  now?: Date;
}): Promise<AuthenticateResult> {
  const name = login.trim().toLowerCase();
  return getDb().transaction(async (tx) => {
    await lockSubject(tx, 1, clientAddress);
    if (await addressIsBlocked(tx, clientAddress, now)) {
      return { ok: false, reason: "address_blocked", retryAfterSeconds: 3600 };
    }
    const [user] = name
      ? await tx
          .select()
          .from(users)
          .where(or(eq(sql`lower(${users.userName})`, name), eq(sql`lower(${users.email})`, name)))
          .limit(1)
      : [];
    const subject = user ? `user:${user.id}` : `login:${name}`;
    await lockSubject(tx, 2, subject);

    const lockedSeconds = await lockedForSeconds(tx, subject, now);
    if (lockedSeconds > 0) {
      await tx.insert(signInFailures).values({ clientAddress, failedAt: now });
      return { ok: false, reason: "locked", retryAfterSeconds: lockedSeconds };
    }

    const passwordOk = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDummy(password);

    if (!user || !passwordOk || !user.active) {
      await recordFailure(tx, subject, clientAddress, now);
      if (user) {
        await recordActivity(tx, {
          accountId: user.accountId,
          kind: "user.sign_in_failed",
          target: user,
          details: { reason: user.active ? "wrong password" : "inactive user" },
          clientAddress,
        });
      }
      const retryAfterSeconds = await lockedForSeconds(tx, subject, now);
      return retryAfterSeconds > 0
        ? { ok: false, reason: "locked", retryAfterSeconds }
        : { ok: false, reason: "invalid" };
    }

    await clearFailures(tx, subject);
    if (passwordHashIsStale(user.passwordHash)) {
      await tx
        .update(users)
        .set({ passwordHash: await hashPassword(password) })
        .where(eq(users.id, user.id));
    }
    await recordActivity(tx, {
      accountId: user.accountId,
      kind: "user.signed_in",
      actor: user,
      target: user,
      clientAddress,
    });
    return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
  });
}
