import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { type WebhookEndpointView, withoutSecret } from "./endpoint-view";
import { findAccountWebhookEndpoint } from "./find-webhook-endpoint";

export type GetWebhookEndpointOptions = { actor: Actor; endpointId: string };

/** One endpoint of the account, without its secret. */
export async function getWebhookEndpoint({
  actor,
  endpointId,
}: GetWebhookEndpointOptions): Promise<WebhookEndpointView> {
  assertCan(actor, "integrations", "view");
  return withoutSecret(await findAccountWebhookEndpoint(getDb(), actor.accountId, endpointId));
}
