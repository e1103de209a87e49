import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type ActivityChange, webhookEndpoints } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { type CheckWebhookUrlOptions, checkWebhookUrl } from "./check-webhook-url";
import { urlCheckOptions, type WebhookEndpointView, withoutSecret } from "./endpoint-view";
import { findAccountWebhookEndpoint } from "./find-webhook-endpoint";
import type { WebhookEndpointInput } from "./schemas";

export type UpdateWebhookEndpointOptions = {
  actor: Actor;
  endpointId: string;
  input: WebhookEndpointInput;
  urlCheck?: Partial<CheckWebhookUrlOptions>;
};

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Changes an endpoint's URL, description and events; its secret stays. */
export async function updateWebhookEndpoint({
  actor,
  endpointId,
  input,
  urlCheck,
}: UpdateWebhookEndpointOptions): Promise<WebhookEndpointView> {
  assertCan(actor, "integrations", "manage");
  // Checked before the transaction: resolving a name can take a while, and every save checks
  // again, since where a name leads can change.
  await checkWebhookUrl(input.url, urlCheckOptions(urlCheck));
  return getDb().transaction(async (tx) => {
    const before = await findAccountWebhookEndpoint(tx, actor.accountId, endpointId, {
      forUpdate: true,
    });
    const [after] = await tx
      .update(webhookEndpoints)
      .set({
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        updatedAt: new Date(),
      })
      .where(eq(webhookEndpoints.id, before.id))
      .returning();
    const changes: ActivityChange[] = [];
    for (const field of ["url", "description"] as const) {
      if (before[field] !== after![field]) {
        changes.push({ field, before: before[field], after: after![field] });
      }
    }
    if (!sameList(before.eventTypes, after!.eventTypes)) {
      changes.push({ field: "eventTypes", before: before.eventTypes, after: after!.eventTypes });
    }
    if (changes.length > 0) {
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "webhook_endpoint.updated",
        actor,
        targetLabel: after!.url,
        details: { url: after!.url, changes },
        clientAddress: actor.clientAddress,
      });
    }
    return withoutSecret(after!);
  });
}
