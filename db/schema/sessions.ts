import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// One row per sign-in. The JWT carries the row's id; a token whose row is gone,
// ended, too old or idle for too long is refused, so an ended session never comes back.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    clientAddress: text("client_address").notNull().default(""),
  },
  (table) => [
    index("sessions_user_idx").on(table.userId),
    index("sessions_created_idx").on(table.createdAt),
  ],
);

export type Session = typeof sessions.$inferSelect;
