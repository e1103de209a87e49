import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

// Each account has its own sequence of licence versions; version 1 is the product's text.
export const licenceVersions = pgTable(
  "licence_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    summary: text("summary").notNull().default(""),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("licence_versions_account_version_key").on(table.accountId, table.version),
  ],
);

export const licenceAcceptances = pgTable(
  "licence_acceptances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    licenceVersionId: uuid("licence_version_id")
      .notNull()
      .references(() => licenceVersions.id, { onDelete: "cascade" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
    clientAddress: text("client_address").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
  },
  (table) => [
    uniqueIndex("licence_acceptances_user_version_key").on(table.userId, table.licenceVersionId),
    index("licence_acceptances_version_idx").on(table.licenceVersionId),
  ],
);

export type LicenceVersion = typeof licenceVersions.$inferSelect;
export type LicenceAcceptance = typeof licenceAcceptances.$inferSelect;
