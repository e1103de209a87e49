import type { Executor } from "@/db/client";
import type { Job } from "@/db/schema";

// No "server-only" in lib/jobs: server.ts and scripts/worker.ts run the dispatcher under plain
// Node, where that marker package throws. The same holds for every handler module.

export type { Job };

/** What a handler gets besides its job: the dispatcher's clock (tests move it). */
export type JobContext = { now: Date };

export type JobHandler = {
  /**
   * Does the job's work, outside any transaction. Throwing retries it later with backoff, so
   * it must be safe to repeat: the job's id is the idempotency key of whatever it sends.
   * It should finish well within the claim (jobClaimMs), or another dispatcher takes it over.
   */
  run: (job: Job, context: JobContext) => Promise<void>;
  /**
   * Runs once when the job is given up, in the transaction that marks it dead, to record
   * that what it was for failed (an instance's rebuild, an email's delivery).
   */
  giveUp?: (job: Job, error: string, context: JobContext & { tx: Executor }) => Promise<void>;
  /**
   * The waits before each retry, in order, for a kind with a schedule of its own (webhooks
   * keep the one their receivers know from Svix); default: lib/jobs/retry-schedule.ts.
   */
  retryDelaysMs?: readonly number[];
};

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Thrown by a handler when retrying cannot help (a malformed payload): the job dies at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
