import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type RateLimit = { key: string; limit: number; windowMs: number };

export type RateLimitState = { exceeded: boolean; retryAfterSeconds: number; hits: number };

function stateOf(
  row: { hits: number; windowStartedAt: Date } | undefined,
  { limit, windowMs }: RateLimit,
  now: Date,
): RateLimitState {
  if (!row) return { exceeded: false, retryAfterSeconds: 0, hits: 0 };
  const endsAt = row.windowStartedAt.getTime() + windowMs;
  if (endsAt <= now.getTime()) return { exceeded: false, retryAfterSeconds: 0, hits: 0 };
  const retryAfterSeconds = Math.ceil((endsAt - now.getTime()) / 1000);
  return { exceeded: row.hits >= limit, retryAfterSeconds, hits: row.hits };
}

/** Counts one hit in the subject's current window (a fixed window, started by its first hit). */
export async function hitRateLimit(
  db: Executor,
  rule: RateLimit,
  now: Date = new Date(),
): Promise<RateLimitState> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const expired = sql`${rateLimits.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rule.key, windowStartedAt: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ hits: rateLimits.hits, windowStartedAt: rateLimits.windowStartedAt });
  return stateOf(row, rule, now);
}

/** Takes back one hit, for an attempt that was counted in advance and turned out not to count. */
export async function releaseRateLimitHit(db: Executor, rule: RateLimit): Promise<void> {
  await db
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
    .where(eq(rateLimits.key, rule.key));
}
