import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Job, jobs } from "@/db/schema";

export type EnqueueJobOptions = {
  /** Names the handler in lib/jobs/handlers.ts ("provisioning.request_rebuild"). */
  kind: string;
  payload?: Record<string, unknown>;
  accountId?: string | null;
  /** Not before this time; default: as soon as a dispatcher looks. */
  runAt?: Date;
  /** At most one job ever per key: a second enqueue returns the first job and adds nothing. */
  uniqueKey?: string;
};

/**
 * Queues background work in the caller's transaction (a transactional outbox): the job
 * exists exactly when the change that asked for it was committed.
 */
export async function enqueueJob(tx: Executor, options: EnqueueJobOptions): Promise<Job> {
  const [inserted] = await tx
    .insert(jobs)
    .values({
      kind: options.kind,
      payload: options.payload ?? {},
      accountId: options.accountId ?? null,
      runAt: options.runAt ?? new Date(),
      uniqueKey: options.uniqueKey ?? null,
    })
    // The only unique index a new row can collide with is the unique key's.
    .onConflictDoNothing()
    .returning();
  if (inserted) return inserted;
  const [existing] = await tx
    .select()
    .from(jobs)
    .where(eq(jobs.uniqueKey, options.uniqueKey ?? ""));
  if (!existing) throw new Error(`Job "${options.kind}" could not be queued.`);
  return existing;
}
