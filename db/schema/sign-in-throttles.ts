import { bigserial, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Consecutive failures per sign-in subject: "user:<id>@<address prefix>" for a known
// user from one address (the lock), "user:<id>@*" from anywhere (the slow-down), and
// "login:<lower-cased name>@…" for names that match nobody, so both behave alike.
export const signInThrottles = pgTable("sign_in_throttles", {
  subject: text("subject").primaryKey(),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// One row per failed attempt, counted per client address over a sliding 24 hours.
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    clientAddress: text("client_address").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sign_in_failures_address_idx").on(table.clientAddress, table.failedAt)],
);
