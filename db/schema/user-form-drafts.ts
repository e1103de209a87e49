import { index, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

/** A seat the user form will create at Save: from a template, or spare features added. */
export type PendingSeat = {
  instanceId: string;
  templateId?: string;
  templateVersion?: number;
  attributes: Record<string, string>;
  addFeatureIds: string[];
};

/** The apply-template wizard in progress: which instance and template, what was typed. */
export type WizardState = {
  instanceId: string;
  templateId?: string;
  attributes?: Record<string, string>;
  /** Setup Attributes as typed when a Next without scripts was refused, shown again with
   * their errors on a page of their own (so Back from the preview never meets a POST). */
  typed?: Record<string, string>;
};

/**
 * The user form while its seat is being built in the wizard's own pages: what was typed
 * (never passwords), the seats to create at Save, and the wizard's step. Kept in the
 * database so each step is a plain page that works without scripts and with the back button.
 */
export const userFormDrafts = pgTable(
  "user_form_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The user being edited; null for a new user.
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    values: jsonb("values").$type<Record<string, string | string[]>>().notNull().default({}),
    seats: jsonb("seats").$type<PendingSeat[]>().notNull().default([]),
    wizard: jsonb("wizard").$type<WizardState | null>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("user_form_drafts_owner_idx").on(table.ownerId, table.updatedAt)],
);

export type UserFormDraft = typeof userFormDrafts.$inferSelect;
