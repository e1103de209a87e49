import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

export const passwordTokenPurposes = ["set_password", "reset_password"] as const;
export type PasswordTokenPurpose = (typeof passwordTokenPurposes)[number];

/**
 * Single-use links that set or reset a password. Only a hash of the random token is kept,
 * so a copy of the database lets nobody in; used_at marks it spent.
 */
export const passwordTokens = pgTable(
  "password_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<PasswordTokenPurpose>().notNull(),
    tokenHash: text("token_hash").notNull().unique("password_tokens_token_hash_key"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("password_tokens_user_idx").on(table.userId, table.purpose)],
);

export type PasswordToken = typeof passwordTokens.$inferSelect;
