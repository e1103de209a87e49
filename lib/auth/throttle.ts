import "server-only";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInFailures, signInThrottles } from "@/db/schema";

export const lockAfterFailures = 10;
export const addressFailureLimit = 100;
const firstLockMs = 60_000;
const maxLockMs = 15 * 60_000;
const addressWindowMs = 24 * 60 * 60_000;

/** The lock after the nth consecutive failure: none before 10, then 1, 2, 4, 8, 15, 15… minutes. */
export function lockDurationMs(consecutiveFailures: number): number {
  if (consecutiveFailures < lockAfterFailures) return 0;
  const doublings = consecutiveFailures - lockAfterFailures;
  return Math.min(firstLockMs * 2 ** Math.min(doublings, 10), maxLockMs);
}

/** Seconds until the subject may try again, or 0 when it is not locked. */
export async function lockedForSeconds(db: Executor, subject: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(eq(signInThrottles.subject, subject));
  const until = row?.lockedUntil?.getTime() ?? 0;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function addressIsBlocked(db: Executor, address: string, now: Date) {
  const [row] = await db
    .select({ failures: count() })
    .from(signInFailures)
    .where(
      and(
        eq(signInFailures.clientAddress, address),
        gt(signInFailures.failedAt, new Date(now.getTime() - addressWindowMs)),
      ),
    );
  return (row?.failures ?? 0) >= addressFailureLimit;
}

export async function recordFailure(db: Executor, subject: string, address: string, now: Date) {
  const [row] = await db
    .insert(signInThrottles)
    .values({ subject, consecutiveFailures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.subject,
      set: {
        consecutiveFailures: sql`${signInThrottles.consecutiveFailures} + 1`,
        updatedAt: now,
      },
    })
    .returning({ failures: signInThrottles.consecutiveFailures });
  const lockMs = lockDurationMs(row?.failures ?? 1);
  if (lockMs > 0) {
    await db
      .update(signInThrottles)
      .set({ lockedUntil: new Date(now.getTime() + lockMs) })
      .where(eq(signInThrottles.subject, subject));
  }
  await db.insert(signInFailures).values({ clientAddress: address, failedAt: now });
  // Keep the per-address table small: older failures no longer count.
  await db
    .delete(signInFailures)
    .where(
      and(
        eq(signInFailures.clientAddress, address),
        lt(signInFailures.failedAt, new Date(now.getTime() - addressWindowMs)),
      ),
    );
}

export async function clearFailures(db: Executor, subject: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.subject, subject));
}
