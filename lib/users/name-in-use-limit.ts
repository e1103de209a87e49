import "server-only";
import { getDb } from "@/db/client";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { hitRateLimit, type RateLimit, releaseRateLimitHit } from "@/lib/rate-limits/rate-limit";
import { NameInUseError } from "./unique-fields";

// User names and emails are unique across every account (one sign-in page), so a
// refusal tells that an address exists somewhere. Few are needed by honest typing;
// many are someone enumerating other organizations' people.
const refusalsPerHour = 20;

function limitFor(actor: Actor): RateLimit {
  return { key: `name-in-use:${actor.id}`, limit: refusalsPerHour, windowMs: 3_600_000 };
}

export type WithNameInUseLimitOptions<T> = {
  actor: Actor;
  /** The change that may be refused because a user name or email is in use. */
  run: () => Promise<T>;
};

/**
 * Runs a change that checks user names and emails for uniqueness, counting each
 * "already in use" refusal of the acting user (recorded in account activity) and
 * refusing to check at all once they had too many this hour.
 */
export async function withNameInUseLimit<T>({ actor, run }: WithNameInUseLimitOptions<T>) {
  const db = getDb();
  const rule = limitFor(actor);
  // Counted before the check, so refusals asked for all at once cannot slip past the limit;
  // taken back unless the change is refused for a name in use.
  const reserved = await hitRateLimit(db, rule);
  if (reserved.hits > rule.limit) {
    await releaseRateLimitHit(db, rule);
    throw tooManyRefusals(reserved.retryAfterSeconds);
  }
  try {
    const result = await run();
    await releaseRateLimitHit(db, rule);
    return result;
  } catch (error) {
    if (!(error instanceof NameInUseError)) {
      await releaseRateLimitHit(db, rule);
      throw error;
    }
    // The change's own transaction rolled back: its record stands alone.
    await recordActivity(db, {
      accountId: actor.accountId,
      kind: "user.name_in_use_refused",
      actor,
      details: { field: error.field, value: error.value },
      clientAddress: actor.clientAddress,
    });
    throw error;
  }
}

function tooManyRefusals(retryAfterSeconds: number): ConflictError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new ConflictError(
    `Too many user names or emails were already in use this hour. Try again in ${minutes} minute${
      minutes === 1 ? "" : "s"
    }; nothing was saved.`,
  );
}
