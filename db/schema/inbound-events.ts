import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Ids of signed inbound events already accepted, so a replayed one is refused. */
export const inboundEvents = pgTable(
  "inbound_events",
  {
    source: text("source").notNull(),
    eventId: text("event_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.source, table.eventId] })],
);
