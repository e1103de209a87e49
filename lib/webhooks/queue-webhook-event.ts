import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { ActivityInput } from "@/lib/activity/record-activity";
import { webhookEventForActivity } from "./activity-events";
import { type WebhookEventType, type webhookTestEventType, wildcardFor } from "./event-types";
import { webhookJobKinds } from "./webhook-job-kinds";

// No "server-only": recordActivity calls this, and background jobs record activity too.

/** The body every receiver gets (Standard Webhooks: type, timestamp, data). */
export type WebhookPayload = {
  type: string;
  timestamp: string;
  data: {
    /** The subject: a user's id (null when the subject is not a user) and its name. */
    id: string | null;
    name: string;
    details: Record<string, unknown>;
    /** Who made the change; null for the portal itself (a rebuild reported back). */
    actor: { userName: string } | null;
    /** The API token the change came through, when it came through the REST API. */
    apiToken: { name: string } | null;
  };
};

export type WebhookEventInput = {
  accountId: string;
  type: WebhookEventType | typeof webhookTestEventType;
  subject: { id: string | null; name: string };
  details?: Record<string, unknown>;
  actor?: { userName: string; apiToken?: { name: string } } | null;
  /** When it happened; default: now. */
  at?: Date;
  /** Only this endpoint, whatever it subscribes to (a test event). */
  endpointId?: string;
};

export function webhookPayload(input: WebhookEventInput): WebhookPayload {
  return {
    type: input.type,
    timestamp: (input.at ?? new Date()).toISOString(),
    data: {
      id: input.subject.id,
      name: input.subject.name,
      details: input.details ?? {},
      actor: input.actor ? { userName: input.actor.userName } : null,
      apiToken: input.actor?.apiToken ? { name: input.actor.apiToken.name } : null,
    },
  };
}

/**
 * Writes the event in the caller's transaction (the outbox): one delivery row and one
 * "webhook.deliver" job for each enabled endpoint of the account subscribed to its type, in
 * one statement that writes nothing (an index probe) when there is none. Returns the ids of
 * the deliveries, each the `webhook-id` of every attempt at it.
 */
export async function queueWebhookEvent(tx: Executor, input: WebhookEventInput): Promise<string[]> {
  const payload = JSON.stringify(webhookPayload(input));
  const now = new Date().toISOString();
  const which = input.endpointId
    ? sql`e.id = ${input.endpointId}::uuid`
    : sql`e.enabled and e.event_types && array[${input.type}, ${wildcardFor(input.type)}]::text[]`;
  // A volatile CTE read twice is computed once, so each endpoint keeps one delivery id.
  const result = await tx.execute(sql`
    with targets as (
      select gen_random_uuid() as delivery_id, e.id as endpoint_id
        from webhook_endpoints e
       where e.account_id = ${input.accountId}::uuid and ${which}
    ), queued as (
      insert into jobs (kind, payload, account_id, run_at)
      select ${webhookJobKinds.deliver}, jsonb_build_object('deliveryId', t.delivery_id),
             ${input.accountId}::uuid, ${now}::timestamptz
        from targets t
      returning id, payload->>'deliveryId' as delivery_id
    )
    insert into webhook_deliveries (id, account_id, endpoint_id, event_type, payload, job_id)
    select t.delivery_id, ${input.accountId}::uuid, t.endpoint_id, ${input.type},
           ${payload}::jsonb, q.id
      from targets t
      join queued q on q.delivery_id = t.delivery_id::text
    returning id`);
  // node-postgres and PGlite both answer raw queries with { rows }.
  return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}

/** The event an activity row stands for, queued with it; nothing for kinds that are none. */
export async function queueWebhookEventForActivity(
  tx: Executor,
  activity: ActivityInput,
): Promise<void> {
  const type = webhookEventForActivity(activity.kind);
  if (!type) return;
  await queueWebhookEvent(tx, {
    accountId: activity.accountId,
    type,
    subject: {
      id: activity.target?.id ?? activity.targetId ?? null,
      name: activity.target?.userName ?? activity.targetLabel ?? "",
    },
    details: activity.details,
    actor: activity.actor,
  });
}
