import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

export const instanceStatuses = ["active", "rebuilding", "failed"] as const;
export type InstanceStatus = (typeof instanceStatuses)[number];

/** One phone-system tenant of an account. */
export const instances = pgTable(
  "instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    region: text("region").notNull(),
    status: text("status").$type<InstanceStatus>().notNull().default("active"),
    notes: text("notes").notNull().default(""),
    lastRebuiltAt: timestamp("last_rebuilt_at", { withTimezone: true }),
    // The rebuild in progress: the provisioning side's report must name it, so a late
    // report of an older rebuild cannot finish a newer one.
    rebuildId: uuid("rebuild_id"),
    rebuildRequestedAt: timestamp("rebuild_requested_at", { withTimezone: true }),
    rebuildRequestedBy: uuid("rebuild_requested_by").references(() => users.id, {
      onDelete: "set null",
    }),
    rebuildError: text("rebuild_error").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("instances_account_name_key").on(table.accountId, sql`lower(${table.name})`),
    index("instances_list_idx").on(table.accountId, sql`lower(${table.name})`, table.id),
  ],
);

export type Instance = typeof instances.$inferSelect;
