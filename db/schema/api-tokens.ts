import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

/**
 * Account-scoped API tokens. Only a SHA-256 of the token is kept (it carries 160 random
 * bits, so a fast hash is enough); the token acts for its creator, never beyond `scopes`.
 * The fixed-window request counter lives on the row, so checking a token, counting the
 * request and noting its last use are one UPDATE.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // Deleting the creator deletes their tokens: a token never outlives whose rights it uses.
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The first characters of the token ("sbk_Ab3d"), to recognise it in the list. */
    displayPrefix: text("display_prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedAddress: text("last_used_address").notNull().default(""),
    rateWindowStartedAt: timestamp("rate_window_started_at", { withTimezone: true }),
    rateWindowHits: integer("rate_window_hits").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("api_tokens_hash_idx").on(table.tokenHash),
    index("api_tokens_account_idx").on(table.accountId, table.createdAt),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * POST requests seen with an Idempotency-Key, per token, for 24 hours: the first response is
 * replayed for the same key and body. A row without a response is a request still running.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    responseHeaders: text("response_headers"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("idempotency_keys_token_key_idx").on(table.tokenId, table.key),
    index("idempotency_keys_created_idx").on(table.createdAt),
  ],
);
