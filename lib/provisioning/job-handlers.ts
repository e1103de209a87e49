import { z } from "zod";
import { getDb } from "@/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { completeRebuild } from "@/lib/instances/complete-rebuild";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { type Job, type JobHandlers, PermanentJobError } from "@/lib/jobs/job-handler";
import { isUuid } from "@/lib/uuid";
import { provisioningJobKinds } from "./job-kinds";
import { type ProvisioningConfig, provisioningConfig } from "./provisioning-config";
import { sendRebuildRequest } from "./send-rebuild-request";

/** How long the embedded stand-in takes to "rebuild" an instance. */
export const embeddedRebuildMs = 3000;

const rebuildPayload = z.object({
  instanceId: z.string().refine(isUuid),
  rebuildId: z.string().refine(isUuid),
});

function rebuildOf(job: Job) {
  const parsed = rebuildPayload.safeParse(job.payload);
  if (!parsed.success) {
    throw new PermanentJobError("The job's payload names no instance and rebuild id.");
  }
  return parsed.data;
}

/** Runs a completion that may have been overtaken: a deleted instance or a newer rebuild. */
async function unlessOvertaken(completion: Promise<unknown>): Promise<void> {
  try {
    await completion;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ConflictError) return;
    throw error;
  }
}

/**
 * The rebuild's jobs. With a provisioning back end configured, the request job sends it the
 * signed request (retried until it answers 2xx; given up, the instance is marked Failed);
 * without one, it schedules the embedded stand-in's completion a few seconds later.
 */
export function provisioningJobHandlers(
  config: ProvisioningConfig = provisioningConfig(),
): JobHandlers {
  return {
    [provisioningJobKinds.requestRebuild]: {
      run: async (job, { now }) => {
        const rebuild = rebuildOf(job);
        if (config.kind === "http") {
          await sendRebuildRequest(
            config,
            { messageId: job.id, accountId: job.accountId, ...rebuild },
            now,
          );
          return;
        }
        await enqueueJob(getDb(), {
          kind: provisioningJobKinds.completeRebuild,
          accountId: job.accountId,
          payload: rebuild,
          runAt: new Date(now.getTime() + embeddedRebuildMs),
          uniqueKey: `${provisioningJobKinds.completeRebuild}:${rebuild.rebuildId}`,
        });
      },
      giveUp: async (job, error, { now, tx }) => {
        const parsed = rebuildPayload.safeParse(job.payload);
        if (!parsed.success) return;
        await unlessOvertaken(
          completeRebuild({
            ...parsed.data,
            outcome: "failed",
            error: `The rebuild request could not be delivered: ${error}`,
            now,
            db: tx,
          }),
        );
      },
    },
    [provisioningJobKinds.completeRebuild]: {
      run: async (job, { now }) => {
        await unlessOvertaken(completeRebuild({ ...rebuildOf(job), outcome: "rebuilt", now }));
      },
    },
  };
}
