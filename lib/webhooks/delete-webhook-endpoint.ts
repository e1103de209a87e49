import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { type WebhookEndpointView, withoutSecret } from "./endpoint-view";
import { findAccountWebhookEndpoint } from "./find-webhook-endpoint";

export type DeleteWebhookEndpointOptions = { actor: Actor; endpointId: string };

/**
 * Deletes an endpoint with its delivery log. Deliveries still queued go with it: their jobs
 * find nothing to send.
 */
export async function deleteWebhookEndpoint({
  actor,
  endpointId,
}: DeleteWebhookEndpointOptions): Promise<WebhookEndpointView> {
  assertCan(actor, "integrations", "manage");
  return getDb().transaction(async (tx) => {
    const endpoint = await findAccountWebhookEndpoint(tx, actor.accountId, endpointId, {
      forUpdate: true,
    });
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "webhook_endpoint.deleted",
      actor,
      targetLabel: endpoint.url,
      details: { url: endpoint.url, eventTypes: endpoint.eventTypes },
      clientAddress: actor.clientAddress,
    });
    return withoutSecret(endpoint);
  });
}
