import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type EmailStatus, emails } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { decodeEmailListCursor, encodeEmailListCursor } from "./email-list-cursor";

export type { EmailStatus };

export const emailPageSize = 50;

export type EmailListRow = {
  id: string;
  toAddress: string;
  subject: string;
  kind: string;
  status: EmailStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

export type EmailListPage = {
  rows: EmailListRow[];
  /** Opaque cursor of the next page, when there is one. */
  nextAfter?: string;
};

export type ListEmailsOptions = { actor: Actor; after?: string };

/** One page of the account's messages, newest first, keyset-paged on (created_at, id). */
export async function listEmails({ actor, after }: ListEmailsOptions): Promise<EmailListPage> {
  assertCan(actor, "organization", "view");
  const cursor = decodeEmailListCursor(after);
  const rows = await getDb()
    .select({
      id: emails.id,
      toAddress: emails.toAddress,
      subject: emails.subject,
      kind: emails.kind,
      status: emails.status,
      attempts: emails.attempts,
      createdAt: emails.createdAt,
      sentAt: emails.sentAt,
      position: sql<string>`${emails.createdAt}::text`,
    })
    .from(emails)
    .where(
      and(
        eq(emails.accountId, actor.accountId),
        cursor
          ? sql`(${emails.createdAt}, ${emails.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(emailPageSize + 1);
  const page = rows.slice(0, emailPageSize);
  const last = page.at(-1);
  return {
    rows: page.map(({ position: _position, ...row }) => row),
    nextAfter:
      rows.length > emailPageSize && last
        ? encodeEmailListCursor({ createdAt: last.position, id: last.id })
        : undefined,
  };
}
