import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Sessions are stateless JWTs; signing out records the token's id here until it
// would have expired anyway, so a copied token stops working too.
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    userId: uuid("user_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("ended_sessions_expires_idx").on(table.expiresAt)],
);
