import {
  bigserial,
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
  /** The account's customer at the payment provider (Stripe: "cus_…"), made with the first card. */
  providerCustomerRef: text("provider_customer_ref").notNull().default(""),
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

export const invoiceStatuses = ["open", "paid", "void"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/**
 * A monthly invoice, issued once per account and period by the billing run (the unique index
 * makes a repeated run a no-op). Amounts are integer minor units of `currency`; the lines sum
 * to `subtotalMinor`, and subtotal plus tax is the total.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** "INV-2026-11-0001": per account, in issue order. */
    number: text("number").notNull(),
    /** The period billed, as local dates in the account's time zone ("2026-11-01"). */
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    status: text("status").$type<InvoiceStatus>().notNull().default("open"),
    currency: text("currency").notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    taxRateBasisPoints: integer("tax_rate_basis_points").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
    /** What is left to pay (payments reduce it; 0 when paid). */
    amountDueMinor: integer("amount_due_minor").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    /** What voiding took off the balance: the amount still due then. */
    voidedMinor: integer("voided_minor").notNull().default(0),
    /** Whom the invoice was addressed to when issued; later renames do not rewrite it. */
    billedToName: text("billed_to_name").notNull().default(""),
    billedToAddress: text("billed_to_address").notNull().default(""),
  },
  (table) => [
    uniqueIndex("invoices_account_period_idx").on(table.accountId, table.periodStart),
    uniqueIndex("invoices_account_number_idx").on(table.accountId, table.number),
    index("invoices_account_issued_idx").on(table.accountId, table.issuedAt),
  ],
);

/** One line of an invoice: seats, add-ons, a prorated change; quantity × unit = amount. */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitAmountMinor: integer("unit_amount_minor").notNull(),
    amountMinor: integer("amount_minor").notNull(),
  },
  (table) => [index("invoice_lines_invoice_idx").on(table.invoiceId, table.position)],
);

export type Invoice = typeof invoices.$inferSelect;
