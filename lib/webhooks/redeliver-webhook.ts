import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { isUuid } from "@/lib/uuid";
import { findAccountWebhookEndpoint } from "./find-webhook-endpoint";
import { webhookJobKinds } from "./webhook-job-kinds";

export type RedeliverWebhookOptions = { actor: Actor; endpointId: string; deliveryId: string };

const missing = () => new NotFoundError("This delivery does not exist.");

/**
 * Sends a delivery again at once, with the same `webhook-id` and body, so a receiver that
 * has it already can tell. Its new job takes over: a retry the old one had queued finds the
 * delivery no longer its own and sends nothing.
 */
export async function redeliverWebhook({
  actor,
  endpointId,
  deliveryId,
}: RedeliverWebhookOptions): Promise<void> {
  assertCan(actor, "integrations", "manage");
  if (!isUuid(deliveryId)) throw missing();
  await getDb().transaction(async (tx) => {
    const endpoint = await findAccountWebhookEndpoint(tx, actor.accountId, endpointId);
    if (!endpoint.enabled) {
      throw new ConflictError("This endpoint is disabled: enable it before redelivering.");
    }
    const [delivery] = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpoint.id)),
      )
      .for("update");
    if (!delivery) throw missing();
    const job = await enqueueJob(tx, {
      kind: webhookJobKinds.deliver,
      accountId: endpoint.accountId,
      payload: { deliveryId: delivery.id },
    });
    await tx
      .update(webhookDeliveries)
      .set({ status: "pending", jobId: job.id, updatedAt: new Date() })
      .where(eq(webhookDeliveries.id, delivery.id));
  });
}
