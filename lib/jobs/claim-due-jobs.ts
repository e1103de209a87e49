import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Job, jobs } from "@/db/schema";

/** How long a claim lasts: a running job still unfinished then is taken by another dispatcher. */
export const jobClaimMs = 2 * 60_000;

/**
 * Claims up to `limit` due jobs in one statement (its own short transaction): queued jobs
 * whose time has come, and running jobs whose claim lapsed (their dispatcher died). SKIP
 * LOCKED lets dispatchers in several processes claim side by side, never the same row.
 */
export async function claimDueJobs(
  db: Executor,
  { limit, now }: { limit: number; now: Date },
): Promise<Job[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.status, ["queued", "running"]),
        lte(jobs.runAt, now),
        or(eq(jobs.status, "queued"), lt(jobs.lockedUntil, now)),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: "running",
      lockedUntil: new Date(now.getTime() + jobClaimMs),
      attempts: sql`${jobs.attempts} + 1`,
    })
    .where(inArray(jobs.id, due))
    .returning();
}
