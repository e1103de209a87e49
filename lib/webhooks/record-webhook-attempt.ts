import { and, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  type Job,
  type WebhookDeliveryStatus,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { queueEndpointDisabledAlert } from "./queue-endpoint-disabled-alert";
import type { WebhookAttemptResult } from "./send-webhook";
import { webhookDisableAfterMs } from "./webhook-config";

// No "server-only": the delivery job runs under plain Node.

const clip = (text: string, limit: number) =>
  text.length > limit ? `${text.slice(0, limit - 1)}…` : text;

export type RecordWebhookAttemptOptions = {
  deliveryId: string;
  endpointId: string;
  job: Job;
  result: WebhookAttemptResult;
  now: Date;
};

/**
 * Keeps one attempt in the delivery log and what it means for the endpoint: a success ends
 * its run of failures; a failure starts one, or, once the run has lasted five days, disables
 * the endpoint, records why and alerts its owner (once: only the attempt that disables it).
 * Returns whether this attempt disabled the endpoint.
 */
export async function recordWebhookAttempt({
  deliveryId,
  endpointId,
  job,
  result,
  now,
}: RecordWebhookAttemptOptions): Promise<{ disabled: boolean }> {
  return getDb().transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId,
      attemptedAt: now,
      responseStatus: result.status,
      latencyMs: result.latencyMs,
      responseExcerpt: clip(result.excerpt, 1024),
      error: clip(result.error, 1000),
    });
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        // A redelivery may have taken the delivery over meanwhile: then its own job decides.
        ...(result.ok
          ? {
              status: sql<WebhookDeliveryStatus>`case when ${webhookDeliveries.jobId} = ${job.id}::uuid then 'succeeded' else ${webhookDeliveries.status} end`,
            }
          : {}),
        updatedAt: now,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    if (result.ok) {
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(and(eq(webhookEndpoints.id, endpointId), isNotNull(webhookEndpoints.failingSince)));
      return { disabled: false };
    }
    // Failures of one endpoint take turns here, so a run has one start and one end.
    const [endpoint] = await tx
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId))
      .for("update");
    if (!endpoint) return { disabled: false };
    if (!endpoint.failingSince) {
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: now })
        .where(eq(webhookEndpoints.id, endpoint.id));
      return { disabled: false };
    }
    if (
      !endpoint.enabled ||
      now.getTime() - endpoint.failingSince.getTime() < webhookDisableAfterMs
    ) {
      return { disabled: false };
    }
    const reason = `Every delivery failed for five days; the last: ${result.error}`;
    await tx
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: clip(reason, 1000), updatedAt: now })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordActivity(tx, {
      accountId: endpoint.accountId,
      kind: "webhook_endpoint.disabled",
      actor: null,
      targetLabel: endpoint.url,
      details: {
        url: endpoint.url,
        failingSince: endpoint.failingSince.toISOString(),
        reason: "Every delivery failed for five days.",
      },
    });
    await queueEndpointDisabledAlert(tx, endpoint, endpoint.failingSince);
    return { disabled: true };
  });
}
