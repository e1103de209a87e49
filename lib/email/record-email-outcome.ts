import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { emails } from "@/db/schema";

const errorLimit = 2000;
const clip = (message: string) =>
  message.length > errorLimit ? `${message.slice(0, errorLimit - 1)}…` : message;

// Only a queued message changes here: a delivery or bounce event (or a retry by hand) that
// got there first is never overwritten.
const stillQueued = (emailId: string) => and(eq(emails.id, emailId), eq(emails.status, "queued"));

export async function markEmailSent(
  db: Executor,
  emailId: string,
  providerMessageId: string,
  now: Date,
): Promise<void> {
  await db
    .update(emails)
    .set({
      status: "sent",
      providerMessageId,
      sentAt: now,
      attempts: sql`${emails.attempts} + 1`,
      lastError: "",
      updatedAt: now,
    })
    .where(stillQueued(emailId));
}

/** Counts a failed attempt and says why, so /emails can tell why the message waits. */
export async function recordEmailFailure(
  db: Executor,
  emailId: string,
  error: string,
  now: Date,
): Promise<void> {
  await db
    .update(emails)
    .set({ attempts: sql`${emails.attempts} + 1`, lastError: clip(error), updatedAt: now })
    .where(stillQueued(emailId));
}

/** Gives the message up: it will not be sent unless someone retries it. */
export async function markEmailFailed(
  db: Executor,
  emailId: string,
  error: string,
  now: Date,
): Promise<void> {
  await db
    .update(emails)
    .set({ status: "failed", lastError: clip(error), updatedAt: now })
    .where(stillQueued(emailId));
}
