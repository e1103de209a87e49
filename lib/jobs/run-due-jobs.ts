import { getDb } from "@/db/client";
import type { Job } from "@/db/schema";
import { claimDueJobs } from "./claim-due-jobs";
import { jobHandlers } from "./handlers";
import { type JobHandlers, PermanentJobError } from "./job-handler";
import { markJobDead, markJobDone, scheduleJobRetry } from "./record-job-outcome";
import { nextAttemptAt } from "./retry-schedule";

export type JobOutcome =
  | { job: Job; outcome: "done" }
  | { job: Job; outcome: "retry"; error: string; runAt: Date }
  | { job: Job; outcome: "dead"; error: string };

export type RunDueJobsOptions = {
  /** Most jobs claimed (and run side by side) at once. */
  limit?: number;
  /** The clock, fixed for the whole run; default: the real time at each step. */
  now?: Date;
  /** The handlers by kind; tests pass their own. */
  handlers?: JobHandlers;
};

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

async function runJob(job: Job, handlers: JobHandlers, clock: () => Date): Promise<JobOutcome> {
  const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
  if (!handler) {
    const error = `No handler for job kind "${job.kind}": nothing in lib/jobs/handlers.ts runs it.`;
    await markJobDead(job, error, clock(), undefined);
    return { job, outcome: "dead", error };
  }
  try {
    await handler.run(job, { now: clock() });
  } catch (thrown) {
    const error = errorText(thrown);
    const runAt =
      thrown instanceof PermanentJobError
        ? undefined
        : nextAttemptAt(job.attempts, clock(), handler.retryDelaysMs);
    if (runAt) {
      await scheduleJobRetry(job, runAt, error);
      return { job, outcome: "retry", error, runAt };
    }
    await markJobDead(job, error, clock(), handler);
    return { job, outcome: "dead", error };
  }
  await markJobDone(job, clock());
  return { job, outcome: "done" };
}

/**
 * Claims the jobs that are due, runs their handlers outside the claiming transaction, and
 * records each outcome: done, a retry after the backoff (the handler's own schedule, else
 * lib/jobs/retry-schedule.ts), or dead.
 */
export async function runDueJobs(options: RunDueJobsOptions = {}): Promise<JobOutcome[]> {
  const clock = () => options.now ?? new Date();
  const claimed = await claimDueJobs(getDb(), { limit: options.limit ?? 10, now: clock() });
  const handlers = options.handlers ?? jobHandlers;
  return Promise.all(claimed.map((job) => runJob(job, handlers, clock)));
}
