import "server-only";
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { type Email, emails, inboundEvents, users } from "@/db/schema";
import { isUuid } from "@/lib/uuid";
import { queueWebhookEvent } from "@/lib/webhooks/queue-webhook-event";
import { parseMailbox } from "./mailbox";
import { parseResendEvent, type ResendEvent } from "./resend-event";
import { verifySvixSignature } from "./svix-signature";

const source = "resend";
// Replays are refused by id while their timestamp could still pass; older ids can go.
const keepIdsMs = 60 * 60_000;

/** An event that is not provably Resend's, fresh and first: 401. */
export class UnauthenticWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnauthenticWebhookError";
  }
}

export type ReceiveResendEventOptions = {
  headers: Headers;
  /** The raw body, exactly as signed. */
  body: string;
  secret: string;
  now?: Date;
};

export type ResendEventResult = "delivered" | "bounced" | "ignored";

async function findEmail(tx: Executor, event: ResendEvent): Promise<Email | undefined> {
  const byTag = event.emailId && isUuid(event.emailId) ? event.emailId : undefined;
  const conditions = [
    byTag ? eq(emails.id, byTag) : undefined,
    event.providerMessageId ? eq(emails.providerMessageId, event.providerMessageId) : undefined,
  ].filter((condition) => condition !== undefined);
  if (conditions.length === 0) return undefined;
  const [email] = await tx
    .select()
    .from(emails)
    .where(or(...conditions))
    .limit(1)
    .for("update");
  return email;
}

function undeliverableReason(event: ResendEvent): string {
  if (event.type === "email.complained") {
    return "The recipient reported a message from the portal as spam.";
  }
  return `The message bounced${event.bounceReason ? `: ${event.bounceReason}` : "."}`.slice(
    0,
    1000,
  );
}

async function markBounced(tx: Executor, email: Email, event: ResendEvent, now: Date) {
  const reason = undeliverableReason(event);
  await tx
    .update(emails)
    .set({ status: "bounced", lastError: reason, updatedAt: now })
    .where(eq(emails.id, email.id));
  const addresses = [email.toAddress, ...event.to]
    .map((value) => parseMailbox(value)?.address.toLowerCase())
    .filter((address): address is string => Boolean(address));
  const marked =
    addresses.length === 0
      ? []
      : await tx
          .update(users)
          .set({ emailUndeliverableAt: now, emailUndeliverableReason: reason, updatedAt: now })
          .where(
            and(
              eq(users.accountId, email.accountId),
              inArray(sql`lower(${users.email})`, addresses),
            ),
          )
          .returning({ id: users.id });
  await queueWebhookEvent(tx, {
    accountId: email.accountId,
    type: "email.bounced",
    subject: { id: email.userId ?? marked[0]?.id ?? null, name: addresses[0] ?? email.toAddress },
    details: {
      emailId: email.id,
      kind: email.kind,
      cause: event.type === "email.complained" ? "complaint" : "bounce",
      reason,
      undeliverableUserIds: marked.map((user) => user.id),
    },
    at: now,
  });
}

async function markDelivered(tx: Executor, email: Email, event: ResendEvent, now: Date) {
  // A bounce reported first stands; a delivery may arrive before the send was recorded.
  if (email.status !== "sent" && email.status !== "queued") return false;
  await tx
    .update(emails)
    .set({
      status: "delivered",
      providerMessageId: email.providerMessageId ?? event.providerMessageId ?? null,
      sentAt: email.sentAt ?? now,
      updatedAt: now,
    })
    .where(eq(emails.id, email.id));
  return true;
}

/**
 * Accepts one of Resend's webhook events: signed (Svix), fresh, never seen before (its id is
 * kept in the transaction of the change). A delivery marks the message delivered; a bounce
 * or complaint marks it bounced and the account's users with that address undeliverable, and
 * is sent on to the account's webhook endpoints as "email.bounced".
 */
export async function receiveResendEvent({
  headers,
  body,
  secret,
  now = new Date(),
}: ReceiveResendEventOptions): Promise<ResendEventResult> {
  const check = verifySvixSignature({ secret, headers, body, now });
  if (!check.ok) throw new UnauthenticWebhookError(check.reason);
  const event = parseResendEvent(body);
  return getDb().transaction(async (tx) => {
    const [fresh] = await tx
      .insert(inboundEvents)
      .values({ source, eventId: check.id, receivedAt: now })
      .onConflictDoNothing()
      .returning({ eventId: inboundEvents.eventId });
    if (!fresh) throw new UnauthenticWebhookError("This svix-id was already received.");
    await tx
      .delete(inboundEvents)
      .where(
        and(
          eq(inboundEvents.source, source),
          lt(inboundEvents.receivedAt, new Date(now.getTime() - keepIdsMs)),
        ),
      );
    const bounce = event.type === "email.bounced" || event.type === "email.complained";
    if (!bounce && event.type !== "email.delivered") return "ignored";
    const email = await findEmail(tx, event);
    if (!email) return "ignored";
    if (bounce) {
      await markBounced(tx, email, event, now);
      return "bounced";
    }
    return (await markDelivered(tx, email, event, now)) ? "delivered" : "ignored";
  });
}
