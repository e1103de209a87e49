import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Fixed-window counters for anything limited per subject ("unique-refusal:<user id>",
// later API tokens). In the database, so limits hold across restarts and instances.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull().default(0),
});
