import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export const attributeTypes = [
  "text",
  "number",
  "choice",
  "phone_number",
  "extension",
  "email",
] as const;
export type AttributeType = (typeof attributeTypes)[number];

/** A setup attribute: one field of the wizard's Setup Attributes form. */
export type AttributeDefinition = {
  key: string;
  label: string;
  type: AttributeType;
  required: boolean;
  defaultValue: string;
  pattern: string;
  helpText: string;
  options: string[];
};

/**
 * A feature the template creates (or takes from the instance's spares). Field values are
 * text that may name setup attributes or the user's fields as {{key}}.
 */
export type TemplateFeature = {
  kind: string;
  source: "create" | "spare";
  fields: Record<string, string>;
};

/** A call flow step as the template states it; values may name attributes as {{key}}. */
export type TemplateCallFlowStep = {
  type: "ring_devices" | "ring_group" | "forward" | "voicemail";
  value: string;
};

export const templates = pgTable(
  "templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // Raised by every edit; a seat records the version it was made from.
    version: integer("version").notNull().default(1),
    attributes: jsonb("attributes").$type<AttributeDefinition[]>().notNull().default([]),
    features: jsonb("features").$type<TemplateFeature[]>().notNull().default([]),
    callFlow: jsonb("call_flow").$type<TemplateCallFlowStep[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("templates_account_name_key").on(table.accountId, sql`lower(${table.name})`),
  ],
);

export type Template = typeof templates.$inferSelect;
