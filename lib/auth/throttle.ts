import "server-only";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import { advisoryLockSpaces } from "@/db/advisory-locks";
import { type Executor, getDb } from "@/db/client";
import { signInFailures, signInThrottles } from "@/db/schema";
import { addressPrefix } from "./address-prefix";

export const lockAfterFailures = 10;
export const slowAfterFailures = 20;
export const addressFailureLimit = 100;
export const addressBlockedSeconds = 3600;
const firstLockMs = 60_000;
const maxLockMs = 15 * 60_000;
const slowIntervalMs = 5_000;
const slowWindowMs = 60 * 60_000;
const addressWindowMs = 24 * 60 * 60_000;

const addressLockSpace = advisoryLockSpaces.signInAddress;
const guesserLockSpace = advisoryLockSpaces.signInGuesser;

/** The lock after the nth consecutive failure: none before 10, then 1, 2, 4, 8, 15, 15… minutes. */
export function lockDurationMs(consecutiveFailures: number): number {
  if (consecutiveFailures < lockAfterFailures) return 0;
  const doublings = consecutiveFailures - lockAfterFailures;
  return Math.min(firstLockMs * 2 ** Math.min(doublings, 10), maxLockMs);
}

/** Whose password is being guessed: a known user, or a name that matches nobody. */
export const userSubject = (userId: string) => `user:${userId}`;
export const loginSubject = (lowerCasedName: string) => `login:${lowerCasedName}`;

export type ThrottleRefusal = {
  ok: false;
  reason: "locked" | "address_blocked";
  retryAfterSeconds: number;
};

/** An attempt already counted as failed; settleSuccess() takes it back. */
export type Reservation = {
  fromAddress: string;
  fromAnywhere: string;
  failureId: number;
  /** The lock this attempt leaves if its password is wrong (0: none). */
  lockedForSeconds: number;
};

export type ReserveAttemptOptions = { subject: string; clientAddress: string; now: Date };

/**
 * Decides whether a password may be checked, and if so counts the attempt as failed
 * before the check, in one short transaction. Guesses sent together therefore queue on
 * the locks here and each sees the ones before it, while argon2 runs afterwards
 * outside any transaction. Failures lock the subject per client address (a /64 for
 * IPv6), so a stranger cannot lock a user out of their own network; across all
 * addresses they only slow the subject down to one check per few seconds.
 */
export async function reserveAttempt({
  subject,
  clientAddress,
  now,
}: ReserveAttemptOptions): Promise<{ ok: true; reservation: Reservation } | ThrottleRefusal> {
  const address = addressPrefix(clientAddress);
  const fromAddress = `${subject}@${address}`;
  const fromAnywhere = `${subject}@*`;
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${addressLockSpace}, hashtext(${address}))`);
    if ((await recentAddressFailures(tx, address, now)) >= addressFailureLimit) {
      return { ok: false, reason: "address_blocked", retryAfterSeconds: addressBlockedSeconds };
    }
    await tx.execute(sql`select pg_advisory_xact_lock(${guesserLockSpace}, hashtext(${subject}))`);
    const waitSeconds = Math.max(
      await lockedForSeconds(tx, fromAddress, now),
      await lockedForSeconds(tx, fromAnywhere, now),
    );
    if (waitSeconds > 0) {
      // Refused unchecked: no failure for the subject, but the address pays for asking.
      await countAddressFailure(tx, address, now);
      return { ok: false, reason: "locked", retryAfterSeconds: waitSeconds };
    }
    const failures = await countFailure(tx, fromAddress, now);
    const lockMs = lockDurationMs(failures);
    if (lockMs > 0) await setLockedUntil(tx, fromAddress, new Date(now.getTime() + lockMs));
    // Across addresses a quiet hour starts the count afresh; per address only success does.
    const quietSince = new Date(now.getTime() - slowWindowMs);
    const failuresAnywhere = await countFailure(tx, fromAnywhere, now, quietSince);
    if (failuresAnywhere >= slowAfterFailures) {
      await setLockedUntil(tx, fromAnywhere, new Date(now.getTime() + slowIntervalMs));
    }
    const failureId = await countAddressFailure(tx, address, now);
    return {
      ok: true,
      reservation: { fromAddress, fromAnywhere, failureId, lockedForSeconds: lockMs / 1000 },
    };
  });
}

/**
 * The password was right: forget this address's failures for the subject and take the
 * reserved failure back from the other counts, so signing in never counts against anyone.
 */
export async function settleSuccess(tx: Executor, reservation: Reservation): Promise<void> {
  await tx.delete(signInThrottles).where(eq(signInThrottles.subject, reservation.fromAddress));
  await tx
    .update(signInThrottles)
    .set({
      consecutiveFailures: sql`greatest(${signInThrottles.consecutiveFailures} - 1, 0)`,
      lockedUntil: sql`case when ${signInThrottles.consecutiveFailures} > ${slowAfterFailures}
        then ${signInThrottles.lockedUntil} end`,
    })
    .where(eq(signInThrottles.subject, reservation.fromAnywhere));
  await tx.delete(signInFailures).where(eq(signInFailures.id, reservation.failureId));
}

async function lockedForSeconds(tx: Executor, key: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(eq(signInThrottles.subject, key));
  const until = row?.lockedUntil?.getTime() ?? 0;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Adds one failure to a key's count, restarting it if the last one is no later than `quietSince`. */
async function countFailure(
  tx: Executor,
  key: string,
  now: Date,
  quietSince?: Date,
): Promise<number> {
  const added = sql`${signInThrottles.consecutiveFailures} + 1`;
  const [row] = await tx
    .insert(signInThrottles)
    .values({ subject: key, consecutiveFailures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.subject,
      set: {
        consecutiveFailures: quietSince
          ? sql`case when ${signInThrottles.updatedAt} <= ${quietSince.toISOString()}::timestamptz
              then 1 else ${added} end`
          : added,
        updatedAt: now,
      },
    })
    .returning({ failures: signInThrottles.consecutiveFailures });
  return row?.failures ?? 1;
}

async function setLockedUntil(tx: Executor, key: string, until: Date) {
  await tx
    .update(signInThrottles)
    .set({ lockedUntil: until })
    .where(eq(signInThrottles.subject, key));
}

async function recentAddressFailures(tx: Executor, address: string, now: Date) {
  const [row] = await tx
    .select({ failures: count() })
    .from(signInFailures)
    .where(
      and(
        eq(signInFailures.clientAddress, address),
        gt(signInFailures.failedAt, new Date(now.getTime() - addressWindowMs)),
      ),
    );
  return row?.failures ?? 0;
}

async function countAddressFailure(tx: Executor, address: string, now: Date): Promise<number> {
  const [row] = await tx
    .insert(signInFailures)
    .values({ clientAddress: address, failedAt: now })
    .returning({ id: signInFailures.id });
  // Keep the per-address table small: older failures no longer count.
  await tx
    .delete(signInFailures)
    .where(
      and(
        eq(signInFailures.clientAddress, address),
        lt(signInFailures.failedAt, new Date(now.getTime() - addressWindowMs)),
      ),
    );
  return row!.id;
}
