import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Executor, getDb } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { type Job, type JobHandlers, PermanentJobError } from "@/lib/jobs/job-handler";
import { isUuid } from "@/lib/uuid";
import { recordWebhookAttempt } from "./record-webhook-attempt";
import { sendWebhook } from "./send-webhook";
import {
  type WebhookDeliveryConfig,
  webhookDeliveryConfig,
  webhookRetryDelaysMs,
} from "./webhook-config";
import { webhookJobKinds } from "./webhook-job-kinds";

// No "server-only" in this module or what it imports: the dispatcher runs it under plain Node.

const deliverPayload = z.object({ deliveryId: z.string().refine(isUuid) });

function deliveryIdOf(job: Job): string {
  const parsed = deliverPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("The job's payload names no delivery id.");
  return parsed.data.deliveryId;
}

/** The stored payload as sent: type, timestamp, data first, as the Standard Webhooks spec shows. */
function messageBody(payload: Record<string, unknown>): string {
  const { type, timestamp, data, ...rest } = payload;
  return JSON.stringify({ type, timestamp, data, ...rest });
}

/** Gives the delivery up, unless a redelivery (another job) has taken it over. */
async function markDeliveryFailed(db: Executor, deliveryId: string, job: Job, now: Date) {
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", updatedAt: now })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.jobId, job.id),
        eq(webhookDeliveries.status, "pending"),
      ),
    );
}

/**
 * One attempt at one delivery: signed, sent, kept in the delivery log. A failure is retried
 * on Svix's schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h); given up, the delivery is
 * marked failed. An endpoint disabled meanwhile gets nothing more.
 */
export function webhookJobHandlers(
  config: WebhookDeliveryConfig = webhookDeliveryConfig(),
): JobHandlers {
  return {
    [webhookJobKinds.deliver]: {
      retryDelaysMs: webhookRetryDelaysMs,
      run: async (job, { now }) => {
        const deliveryId = deliveryIdOf(job);
        const db = getDb();
        const [row] = await db
          .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
          .from(webhookDeliveries)
          .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
          .where(eq(webhookDeliveries.id, deliveryId));
        // Deleted with its endpoint, delivered already, or taken over by a redelivery.
        if (!row || row.delivery.jobId !== job.id || row.delivery.status !== "pending") return;
        const { delivery, endpoint } = row;
        if (!endpoint.enabled) {
          await markDeliveryFailed(db, delivery.id, job, now);
          return;
        }
        const result = await sendWebhook(
          {
            url: endpoint.url,
            secret: endpoint.secret,
            id: delivery.id,
            body: messageBody(delivery.payload),
          },
          {
            timeoutMs: config.timeoutMs,
            allowPrivate: config.allowPrivateUrls,
            resolve: config.resolve,
          },
        );
        const { disabled } = await recordWebhookAttempt({
          deliveryId: delivery.id,
          endpointId: endpoint.id,
          job,
          result,
          now,
        });
        if (result.ok) return;
        if (disabled) throw new PermanentJobError(`${result.error} The endpoint is now disabled.`);
        throw new Error(result.error);
      },
      giveUp: async (job, _error, { now, tx }) => {
        const parsed = deliverPayload.safeParse(job.payload);
        if (parsed.success) await markDeliveryFailed(tx, parsed.data.deliveryId, job, now);
      },
    },
  };
}
