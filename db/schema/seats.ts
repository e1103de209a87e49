import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { instances } from "./instances";
import { templates } from "./templates";
import { users } from "./users";

/** One step of a seat's call flow, with every value resolved. */
export type CallFlowStep =
  | { type: "ring_devices"; seconds: number }
  | { type: "ring_group"; ringGroupId: string; label: string }
  | { type: "forward"; number: string }
  | { type: "voicemail"; mailboxNumber: string };

/** A user's place in one instance: their features there and how their calls flow. */
export const seats = pgTable(
  "seats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => instances.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    extension: text("extension"),
    templateId: uuid("template_id").references(() => templates.id, { onDelete: "set null" }),
    templateVersion: integer("template_version"),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    callFlow: jsonb("call_flow").$type<CallFlowStep[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("seats_instance_user_key").on(table.instanceId, table.userId),
    index("seats_user_idx").on(table.userId),
    index("seats_template_idx").on(table.templateId, table.templateVersion),
  ],
);

export type Seat = typeof seats.$inferSelect;
