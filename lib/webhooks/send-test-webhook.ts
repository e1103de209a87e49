import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { webhookTestEventType } from "./event-types";
import { findAccountWebhookEndpoint } from "./find-webhook-endpoint";
import { queueWebhookEvent } from "./queue-webhook-event";

export type SendTestWebhookOptions = { actor: Actor; endpointId: string };

/**
 * Queues a "webhook.test" event to this endpoint alone, whatever it subscribes to, so its
 * receiver and signature check can be tried; it shows in the delivery log like any event.
 * Returns the delivery's id (its `webhook-id`).
 */
export async function sendTestWebhook({
  actor,
  endpointId,
}: SendTestWebhookOptions): Promise<string> {
  assertCan(actor, "integrations", "manage");
  return getDb().transaction(async (tx) => {
    const endpoint = await findAccountWebhookEndpoint(tx, actor.accountId, endpointId);
    if (!endpoint.enabled) {
      throw new ConflictError("This endpoint is disabled: enable it before sending a test event.");
    }
    const [deliveryId] = await queueWebhookEvent(tx, {
      accountId: actor.accountId,
      type: webhookTestEventType,
      endpointId: endpoint.id,
      subject: { id: null, name: "Test event" },
      details: { message: "A test event sent from the portal's Webhooks page." },
      actor,
    });
    if (!deliveryId) throw new ConflictError("The test event could not be queued.");
    return deliveryId;
  });
}
