import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export const jobStatuses = ["queued", "running", "done", "dead"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * The portal's one queue of background work (rebuild completion, emails, webhooks, billing
 * runs). A job is written in the transaction of the change that causes it, and claimed by a
 * dispatcher with FOR UPDATE SKIP LOCKED; its id is the idempotency key of what it sends.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    // Optional: at most one job per key (a billing run per account and period).
    uniqueKey: text("unique_key"),
    status: text("status").$type<JobStatus>().notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    // A running job whose claim has lapsed (its dispatcher died) is claimed again.
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("jobs_due_idx").on(table.runAt).where(sql`${table.status} in ('queued', 'running')`),
    uniqueIndex("jobs_unique_key").on(table.uniqueKey).where(sql`${table.uniqueKey} is not null`),
    index("jobs_account_idx").on(table.accountId, table.createdAt),
  ],
);

export type Job = typeof jobs.$inferSelect;
