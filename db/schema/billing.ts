import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

/** Add-on quantities by resource key ("instances": 2), beyond what the plan includes. */
export type ResourceQuantities = Record<string, number>;

/**
 * An account's plan and add-ons now. The plan catalog and prices live in code
 * (lib/billing/catalog.ts); money is integer minor units of `currency`.
 */
export const subscriptions = pgTable("subscriptions", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  planKey: text("plan_key").notNull(),
  addOns: jsonb("add_ons").$type<ResourceQuantities>().notNull().default({}),
  currency: text("currency").notNull().default("USD"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every change of plan or add-ons with its prorated charge (positive) or credit (negative)
 * for the rest of the period, so an invoice can explain each line to the cent.
 */
export const subscriptionChanges = pgTable(
  "subscription_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    planKeyBefore: text("plan_key_before").notNull(),
    planKeyAfter: text("plan_key_after").notNull(),
    addOnsBefore: jsonb("add_ons_before").$type<ResourceQuantities>().notNull().default({}),
    addOnsAfter: jsonb("add_ons_after").$type<ResourceQuantities>().notNull().default({}),
    /** Monthly totals before and after, in minor units. */
    monthlyBeforeMinor: integer("monthly_before_minor").notNull(),
    monthlyAfterMinor: integer("monthly_after_minor").notNull(),
    /** The prorated difference for the rest of the period: a charge (> 0) or credit (< 0). */
    proratedMinor: integer("prorated_minor").notNull(),
    currency: text("currency").notNull(),
    actorLabel: text("actor_label").notNull().default(""),
    /** Set when an invoice has billed this change. */
    invoiceId: uuid("invoice_id"),
  },
  (table) => [index("subscription_changes_account_idx").on(table.accountId, table.changedAt)],
);
