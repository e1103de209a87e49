import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type Job, jobs } from "@/db/schema";
import type { JobHandler } from "./job-handler";

// Each outcome is written only while the claim is still this dispatcher's: same attempt,
// still running. A dispatcher whose claim lapsed and was taken over records nothing.
const stillClaimed = (job: Job) =>
  and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.attempts, job.attempts));

const errorLimit = 2000;
const clip = (message: string) =>
  message.length > errorLimit ? `${message.slice(0, errorLimit - 1)}…` : message;

export async function markJobDone(job: Job, now: Date): Promise<void> {
  await getDb()
    .update(jobs)
    .set({ status: "done", finishedAt: now, lockedUntil: null })
    .where(stillClaimed(job));
}

export async function scheduleJobRetry(job: Job, runAt: Date, error: string): Promise<void> {
  await getDb()
    .update(jobs)
    .set({ status: "queued", runAt, lockedUntil: null, lastError: clip(error) })
    .where(stillClaimed(job));
}

/**
 * Gives the job up, keeping its last error, and lets its handler record what that means in
 * the same transaction. Should that step fail, the job is still given up, with both errors.
 */
export async function markJobDead(
  job: Job,
  error: string,
  now: Date,
  handler: JobHandler | undefined,
): Promise<void> {
  const dead = (lastError: string) => ({
    status: "dead" as const,
    finishedAt: now,
    lockedUntil: null,
    lastError: clip(lastError),
  });
  const giveUp = handler?.giveUp;
  if (!giveUp) {
    await getDb().update(jobs).set(dead(error)).where(stillClaimed(job));
    return;
  }
  try {
    await getDb().transaction(async (tx) => {
      const [row] = await tx
        .update(jobs)
        .set(dead(error))
        .where(stillClaimed(job))
        .returning({ id: jobs.id });
      if (row) await giveUp(job, error, { now, tx });
    });
  } catch (giveUpError) {
    const reason = giveUpError instanceof Error ? giveUpError.message : String(giveUpError);
    await getDb()
      .update(jobs)
      .set(dead(`${error} (Recording the give-up failed too: ${reason})`))
      .where(stillClaimed(job));
  }
}
