import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { type WebhookEndpointView, withoutSecret } from "./endpoint-view";
import { findAccountWebhookEndpoint } from "./find-webhook-endpoint";

export type EnableWebhookEndpointOptions = { actor: Actor; endpointId: string };

/**
 * Sends events to a disabled endpoint again, from the next change on; its run of failures
 * starts over. The events it missed are in its log, to redeliver.
 */
export async function enableWebhookEndpoint({
  actor,
  endpointId,
}: EnableWebhookEndpointOptions): Promise<WebhookEndpointView> {
  assertCan(actor, "integrations", "manage");
  return getDb().transaction(async (tx) => {
    const endpoint = await findAccountWebhookEndpoint(tx, actor.accountId, endpointId, {
      forUpdate: true,
    });
    if (endpoint.enabled) return withoutSecret(endpoint);
    const [enabled] = await tx
      .update(webhookEndpoints)
      .set({ enabled: true, disabledReason: "", failingSince: null, updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning();
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "webhook_endpoint.updated",
      actor,
      targetLabel: endpoint.url,
      details: { url: endpoint.url, changes: [{ field: "enabled", before: false, after: true }] },
      clientAddress: actor.clientAddress,
    });
    return withoutSecret(enabled!);
  });
}
