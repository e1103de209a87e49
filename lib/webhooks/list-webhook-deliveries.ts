import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobs, type WebhookDeliveryStatus, webhookAttempts, webhookDeliveries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { decodeEmailListCursor, encodeEmailListCursor } from "@/lib/email/email-list-cursor";
import { findAccountWebhookEndpoint } from "./find-webhook-endpoint";

export type { WebhookDeliveryStatus };

export const webhookDeliveryPageSize = 25;

export type WebhookAttemptRow = {
  id: string;
  attemptedAt: Date;
  responseStatus: number | null;
  latencyMs: number;
  responseExcerpt: string;
  error: string;
};

export type WebhookDeliveryRow = {
  /** The `webhook-id` of every attempt. */
  id: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: Date;
  /** When the next attempt is due, while one is queued. */
  nextAttemptAt: Date | null;
  /** Oldest first. */
  attemptLog: WebhookAttemptRow[];
};

export type WebhookDeliveryPage = {
  rows: WebhookDeliveryRow[];
  /** Opaque cursor of the next (older) page, when there is one. */
  nextBefore?: string;
};

export type ListWebhookDeliveriesOptions = { actor: Actor; endpointId: string; before?: string };

/**
 * The endpoint's delivery log, newest first and keyset-paged on (created_at, id), each
 * delivery with its attempts: status, latency and the start of the answer.
 */
export async function listWebhookDeliveries({
  actor,
  endpointId,
  before,
}: ListWebhookDeliveriesOptions): Promise<WebhookDeliveryPage> {
  assertCan(actor, "integrations", "view");
  const db = getDb();
  const endpoint = await findAccountWebhookEndpoint(db, actor.accountId, endpointId);
  const cursor = decodeEmailListCursor(before);
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      createdAt: webhookDeliveries.createdAt,
      jobStatus: jobs.status,
      jobRunAt: jobs.runAt,
      position: sql<string>`${webhookDeliveries.createdAt}::text`,
    })
    .from(webhookDeliveries)
    .leftJoin(jobs, eq(jobs.id, webhookDeliveries.jobId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpoint.id),
        cursor
          ? sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(webhookDeliveryPageSize + 1);
  const page = rows.slice(0, webhookDeliveryPageSize);
  const attempts =
    page.length === 0
      ? []
      : await db
          .select()
          .from(webhookAttempts)
          .where(
            inArray(
              webhookAttempts.deliveryId,
              page.map((row) => row.id),
            ),
          )
          .orderBy(asc(webhookAttempts.attemptedAt), asc(webhookAttempts.id));
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      id: row.id,
      eventType: row.eventType,
      status: row.status,
      attempts: row.attempts,
      createdAt: row.createdAt,
      nextAttemptAt:
        row.status === "pending" && row.jobStatus === "queued" ? (row.jobRunAt ?? null) : null,
      attemptLog: attempts
        .filter((attempt) => attempt.deliveryId === row.id)
        .map(({ deliveryId: _delivery, ...attempt }) => attempt),
    })),
    nextBefore:
      rows.length > webhookDeliveryPageSize && last
        ? encodeEmailListCursor({ createdAt: last.position, id: last.id })
        : undefined,
  };
}
