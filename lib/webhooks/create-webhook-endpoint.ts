import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, webhookEndpoints } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { type CheckWebhookUrlOptions, checkWebhookUrl } from "./check-webhook-url";
import { urlCheckOptions, type WebhookEndpointView, withoutSecret } from "./endpoint-view";
import { subscriptionLabel } from "./event-types";
import type { WebhookEndpointInput } from "./schemas";
import { newWebhookSecret } from "./webhook-secret";

/** Each event is sent to every subscribed endpoint: a bound on how far one change fans out. */
export const maxWebhookEndpoints = 20;

export type CreateWebhookEndpointOptions = {
  actor: Actor;
  input: WebhookEndpointInput;
  /** Tests resolve host names themselves; default: the delivery settings. */
  urlCheck?: Partial<CheckWebhookUrlOptions>;
};

export type CreatedWebhookEndpoint = {
  endpoint: WebhookEndpointView;
  /** "whsec_…": returned this once, for the creator to copy; never shown again. */
  secret: string;
};

export async function createWebhookEndpoint({
  actor,
  input,
  urlCheck,
}: CreateWebhookEndpointOptions): Promise<CreatedWebhookEndpoint> {
  assertCan(actor, "integrations", "manage");
  await checkWebhookUrl(input.url, urlCheckOptions(urlCheck));
  const secret = newWebhookSecret();
  return getDb().transaction(async (tx) => {
    // Concurrent creations count one after the other: they take turns on the account's row
    // (a lock that still lets other rows of the account be written).
    await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.id, actor.accountId))
      .for("no key update");
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.accountId, actor.accountId));
    if ((existing?.n ?? 0) >= maxWebhookEndpoints) {
      throw new ConflictError(
        `An organization can have at most ${maxWebhookEndpoints} webhook endpoints: delete one first.`,
      );
    }
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        accountId: actor.accountId,
        createdByUserId: actor.id,
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        secret,
      })
      .returning();
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "webhook_endpoint.created",
      actor,
      targetLabel: endpoint!.url,
      details: {
        url: endpoint!.url,
        eventTypes: endpoint!.eventTypes,
        summary: `Events: ${endpoint!.eventTypes.map(subscriptionLabel).join(", ")}`,
      },
      clientAddress: actor.clientAddress,
    });
    return { endpoint: withoutSecret(endpoint!), secret };
  });
}
