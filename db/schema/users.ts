import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export const userRole = pgEnum("user_role", ["user", "administrator"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userName: text("user_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    alias: text("alias").notNull().default(""),
    title: text("title").notNull().default(""),
    email: text("email").notNull(),
    fromEmails: text("from_emails").array().notNull().default(sql`'{}'::text[]`),
    phone: text("phone").notNull().default(""),
    extension: text("extension").notNull().default(""),
    address: text("address").notNull().default(""),
    color: text("color").notNull().default(""),
    clickToDial: text("click_to_dial").notNull().default(""),
    active: boolean("active").notNull().default(true),
    role: userRole("role").notNull().default("user"),
    // Bumped whenever existing sessions must end (password, role, inactivation).
    sessionVersion: integer("session_version").notNull().default(1),
    // Set when the provider reported a bounce or complaint for this address: the portal sends
    // it nothing until the address changes or an Administrator clears the mark.
    emailUndeliverableAt: timestamp("email_undeliverable_at", { withTimezone: true }),
    emailUndeliverableReason: text("email_undeliverable_reason").notNull().default(""),
    // An identity provider's own id for this user (SCIM `externalId`), unique in the account.
    externalId: text("external_id"),
    // The identity provider's userName when it is not a valid user name here (an email, most
    // often): SCIM shows and filters by it; user_name is then made from it.
    scimUserName: text("scim_user_name"),
    // Lower-cased text the User List search matches with a trigram index.
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(
        sql`lower(user_name || ' ' || first_name || ' ' || last_name || ' ' || email)`,
      ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("users_user_name_key").on(sql`lower(${table.userName})`),
    uniqueIndex("users_email_key").on(sql`lower(${table.email})`),
    uniqueIndex("users_account_external_id_key")
      .on(table.accountId, table.externalId)
      .where(sql`${table.externalId} is not null`),
    uniqueIndex("users_account_scim_user_name_key")
      .on(table.accountId, sql`lower(${table.scimUserName})`)
      .where(sql`${table.scimUserName} is not null`),
    // Keyset paging of one account's active or inactive users, one index per sortable
    // column; the id breaks ties so every position in the list is exact.
    index("users_list_idx").on(
      table.accountId,
      table.active,
      sql`lower(${table.userName})`,
      table.id,
    ),
    index("users_list_first_name_idx").on(
      table.accountId,
      table.active,
      sql`lower(${table.firstName})`,
      table.id,
    ),
    index("users_list_last_name_idx").on(
      table.accountId,
      table.active,
      sql`lower(${table.lastName})`,
      table.id,
    ),
    index("users_list_email_idx").on(
      table.accountId,
      table.active,
      sql`lower(${table.email})`,
      table.id,
    ),
    index("users_search_idx").using("gin", table.searchText.op("gin_trgm_ops")),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserRole = (typeof userRole.enumValues)[number];
