import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { jobs } from "./jobs";
import { users } from "./users";

export const emailStatuses = ["queued", "sent", "delivered", "bounced", "failed"] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/**
 * Every message the portal sends, written with the change that causes it (a transactional
 * outbox) and already rendered. Its id is the idempotency key sent to the provider, so a
 * retry after a crash never produces a second message. "failed" means given up.
 */
export const emails = pgTable(
  "emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // The recipient when they are a user of the account; the message outlives them.
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    replyTo: text("reply_to").notNull().default(""),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: text("status").$type<EmailStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error").notNull().default(""),
    providerMessageId: text("provider_message_id"),
    // The job that sends it now (a retry by hand queues a new one).
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Keyset paging of an account's messages, newest first (read backwards: the plain order
    // serves "created_at desc, id desc" exactly, nulls being impossible).
    index("emails_account_list_idx").on(table.accountId, table.createdAt, table.id),
    index("emails_provider_message_idx")
      .on(table.providerMessageId)
      .where(sql`${table.providerMessageId} is not null`),
    index("emails_user_idx").on(table.userId),
  ],
);

export type Email = typeof emails.$inferSelect;
export type NewEmail = typeof emails.$inferInsert;
