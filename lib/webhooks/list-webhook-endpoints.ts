import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

export type WebhookEndpointListRow = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  failingSince: Date | null;
};

export type ListWebhookEndpointsOptions = { actor: Actor };

/**
 * The account's endpoints, oldest first. One page holds them all: an account has at most
 * maxWebhookEndpoints.
 */
export async function listWebhookEndpoints({
  actor,
}: ListWebhookEndpointsOptions): Promise<WebhookEndpointListRow[]> {
  assertCan(actor, "integrations", "view");
  return getDb()
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      eventTypes: webhookEndpoints.eventTypes,
      enabled: webhookEndpoints.enabled,
      failingSince: webhookEndpoints.failingSince,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.accountId, actor.accountId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}
