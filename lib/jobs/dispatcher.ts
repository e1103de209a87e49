import { env } from "@/lib/env";
import type { JobHandlers } from "./job-handler";
import { type JobOutcome, runDueJobs } from "./run-due-jobs";

export type Dispatcher = {
  /** Stops polling and waits for the jobs in hand to finish and be recorded. */
  stop: () => Promise<void>;
};

export type DispatcherOptions = {
  pollMs?: number;
  batchSize?: number;
  handlers?: JobHandlers;
  log?: Pick<Console, "error" | "warn" | "info">;
  /** The clock each run reads; default: the real time. */
  now?: () => Date;
};

function report(outcomes: JobOutcome[], log: DispatcherOptions["log"] & {}) {
  for (const result of outcomes) {
    if (result.outcome === "dead") {
      log.error(
        `Background job ${result.job.id} (${result.job.kind}) was given up after ${result.job.attempts} attempt(s): ${result.error}`,
      );
    }
  }
}

/**
 * Runs due jobs until stopped: a full batch is followed at once by the next, otherwise the
 * dispatcher waits pollMs. Every process may run one; claims never hand a job to two.
 * A database that stops answering is reported once, then retried quietly until it is back.
 */
export function startDispatcher(options: DispatcherOptions = {}): Dispatcher {
  const pollMs = options.pollMs ?? env.JOBS_POLL_MS;
  const batchSize = options.batchSize ?? 10;
  const log = options.log ?? console;
  let stopping = false;
  let wake: (() => void) | undefined;
  let failing = false;

  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopping) {
      let claimed = 0;
      try {
        const outcomes = await runDueJobs({
          limit: batchSize,
          handlers: options.handlers,
          now: options.now?.(),
        });
        claimed = outcomes.length;
        report(outcomes, log);
        if (failing) log.info("Background jobs are running again.");
        failing = false;
      } catch (error) {
        if (!failing) {
          const reason = error instanceof Error ? error.message : String(error);
          log.warn(`Background jobs paused: ${reason}. Trying again every ${pollMs} ms.`);
        }
        failing = true;
      }
      if (!stopping && claimed < batchSize) await pause();
    }
  })();

  return {
    stop: async () => {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
