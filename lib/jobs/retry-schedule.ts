// How long a failed job waits before its next attempt: after the first failure 30 s, then
// 2 min, 10 min, 1 h and 6 h. A job that fails once more after those is given up (dead).
export const retryDelaysMs = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

/** Every attempt a job gets: the first and one per retry delay. */
export const maxJobAttempts = retryDelaysMs.length + 1;

/**
 * When a job that failed its `attempts`-th attempt runs again, or undefined: give up. A kind
 * with a schedule of its own (JobHandler.retryDelaysMs) passes it as `delays`.
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  delays: readonly number[] = retryDelaysMs,
): Date | undefined {
  const delay = delays[attempts - 1];
  return delay === undefined ? undefined : new Date(now.getTime() + delay);
}
