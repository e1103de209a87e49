import { sql } from "drizzle-orm";
import {
  boolean,
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
import { invoices } from "./billing";

export const paymentProviders = ["test", "stripe"] as const;
export type PaymentProviderName = (typeof paymentProviders)[number];

/**
 * A saved card, as the payment provider describes it. The card number went to the provider's
 * hosted page and never reaches us: we keep its token, brand, last four digits and expiry.
 */
export const paymentMethods = pgTable(
  "payment_methods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    provider: text("provider").$type<PaymentProviderName>().notNull(),
    /** The provider's reusable reference to the card (Stripe: "pm_…"). */
    providerToken: text("provider_token").notNull(),
    /** "visa", "mastercard", "amex", … as the provider names it. */
    brand: text("brand").notNull(),
    last4: text("last4").notNull(),
    expMonth: integer("exp_month").notNull(),
    expYear: integer("exp_year").notNull(),
    /** The name on the card, as typed on the provider's page (may be empty). */
    holderName: text("holder_name").notNull().default(""),
    isDefault: boolean("is_default").notNull().default(false),
    createdByLabel: text("created_by_label").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("payment_methods_account_idx").on(table.accountId, table.createdAt),
    uniqueIndex("payment_methods_account_token_idx").on(table.accountId, table.providerToken),
    // At most one default card per account.
    uniqueIndex("payment_methods_one_default_idx")
      .on(table.accountId)
      .where(sql`${table.isDefault}`),
  ],
);

export const paymentKinds = ["card", "cheque", "transfer", "credit"] as const;
/** card: charged through the provider; cheque/transfer: recorded by hand; credit: account credit applied to an invoice. */
export type PaymentKind = (typeof paymentKinds)[number];

export const paymentStatuses = ["pending", "succeeded", "declined"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * Money received or attempted: a card charge (pending while the provider answers, then
 * succeeded or declined), a cheque or transfer recorded by an Administrator against an invoice
 * or as account credit (no invoice), or account credit applied to an invoice.
 * Amounts are positive integer minor units of `currency`.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The invoice paid; none for a manual payment recorded as account credit. */
    invoiceId: uuid("invoice_id").references(() => invoices.id, { onDelete: "set null" }),
    kind: text("kind").$type<PaymentKind>().notNull(),
    status: text("status").$type<PaymentStatus>().notNull(),
    amountMinor: integer("amount_minor").notNull(),
    /**
     * The part that went to the invoice; the rest (a manual payment recorded as credit, or a
     * charge that found its invoice paid meanwhile) is account credit.
     */
    appliedMinor: integer("applied_minor").notNull().default(0),
    currency: text("currency").notNull(),
    /**
     * The browser's key for this payment (a double click or a retry sends the same one):
     * one payment per key per account, and the provider is asked with the payment's id.
     */
    idempotencyKey: text("idempotency_key").notNull(),
    paymentMethodId: uuid("payment_method_id").references(() => paymentMethods.id, {
      onDelete: "set null",
    }),
    /** "Visa •••• 4242", "Cheque 1042": kept so the row outlives a removed card. */
    methodLabel: text("method_label").notNull().default(""),
    providerPaymentId: text("provider_payment_id").notNull().default(""),
    /** Why the provider declined, as people read it. */
    declineReason: text("decline_reason").notNull().default(""),
    /** Cheque number or transfer reference of a manual payment. */
    reference: text("reference").notNull().default(""),
    /** The day a manual payment was received ("2026-11-30"); the charge day for cards. */
    receivedOn: text("received_on").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull().default(""),
    /** When a card charge was handed to the provider: a later attempt may take over after a while. */
    chargeStartedAt: timestamp("charge_started_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("payments_account_key_idx").on(table.accountId, table.idempotencyKey),
    index("payments_account_created_idx").on(table.accountId, table.createdAt),
    index("payments_invoice_idx").on(table.invoiceId),
  ],
);

/**
 * The embedded test provider's own record of the charges it was asked for, by idempotency
 * key, so a repeated request answers as the first did (as Stripe's idempotency keys do).
 * It holds no card number: the card token says how the test card behaves.
 */
export const testProviderCharges = pgTable("test_provider_charges", {
  idempotencyKey: text("idempotency_key").primaryKey(),
  token: text("token").notNull(),
  amountMinor: integer("amount_minor").notNull(),
  currency: text("currency").notNull(),
  outcome: jsonb("outcome").$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type PaymentMethod = typeof paymentMethods.$inferSelect;
export type Payment = typeof payments.$inferSelect;
