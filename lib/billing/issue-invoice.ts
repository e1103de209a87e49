// No "server-only" marker: the billing run (a background job under plain Node) issues invoices.
import { and, asc, count, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import type { Invoice } from "@/db/schema";
import { accounts, invoiceLines, invoices, subscriptionChanges } from "@/db/schema";
import { type ActivityInput, recordActivity } from "@/lib/activity/record-activity";
import { NotFoundError } from "@/lib/errors";
import { billingPeriod } from "./billing-period";
import { planFor } from "./catalog";
import { computeInvoice } from "./compute-invoice";
import { formatMoney } from "./money";
import { queueInvoiceEmail } from "./queue-invoice-email";
import { cleanAddOns, lockSubscription, type SubscriptionState } from "./subscription-row";
import { readUsage } from "./usage";

export type { Invoice };
export type InvoiceLine = typeof invoiceLines.$inferSelect;

export type IssueInvoiceOptions = {
  accountId: string;
  /** Any moment of the period to bill: the calendar month around it in the account's zone. */
  at: Date;
  /** Who asked; none for the scheduled billing run. */
  actor?: ActivityInput["actor"];
  clientAddress?: string;
};

export type IssueInvoiceResult = { invoice: Invoice; issued: boolean };

/** "2026-11-01": the local date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** The account row, locked: issuing serializes with plan changes, which lock it first too. */
async function lockAccountRow(tx: Transaction, accountId: string) {
  const [row] = await tx
    .select({
      id: accounts.id,
      name: accounts.name,
      address: accounts.address,
      timeZone: accounts.timeZone,
      taxRateBasisPoints: accounts.taxRateBasisPoints,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for("update");
  if (!row) throw new NotFoundError("No such account.");
  return row;
}

/**
 * What the subscription was when the period began: the state before the period's first
 * change, or the current one when nothing changed since.
 */
async function stateAtPeriodStart(
  tx: Transaction,
  accountId: string,
  start: Date,
  current: SubscriptionState,
) {
  const [first] = await tx
    .select()
    .from(subscriptionChanges)
    .where(
      and(eq(subscriptionChanges.accountId, accountId), gte(subscriptionChanges.changedAt, start)),
    )
    .orderBy(asc(subscriptionChanges.changedAt), asc(subscriptionChanges.id))
    .limit(1);
  if (!first) return { plan: current.plan, addOns: current.addOns };
  return { plan: planFor(first.planKeyBefore), addOns: cleanAddOns(first.addOnsBefore) };
}

/**
 * Issues the invoice of one account for the month around `at`, once: a second call for the
 * same period returns the first invoice and writes nothing.
 *
 * A month is billed in advance, as its invoice is issued when it begins: every seat (active
 * users at issue) at the plan's price and every add-on as the subscription stood when the
 * month began, plus the prorated charge or credit of each change not billed yet that was made
 * before the month ended. A change bills what it changed for the rest of its month, so the
 * plan charged for the whole month and those prorations add up to what was used.
 */
export async function issueInvoice(options: IssueInvoiceOptions): Promise<IssueInvoiceResult> {
  const { accountId, at } = options;
  return getDb().transaction(async (tx) => {
    const account = await lockAccountRow(tx, accountId);
    const timeZone = account.timeZone || "UTC";
    const period = billingPeriod(at, timeZone);
    const periodStart = localDate(period.start, timeZone);
    const findExisting = async () => {
      const [row] = await tx
        .select()
        .from(invoices)
        .where(and(eq(invoices.accountId, accountId), eq(invoices.periodStart, periodStart)));
      return row;
    };
    const existing = await findExisting();
    if (existing) return { invoice: existing, issued: false };

    const current = await lockSubscription(tx, accountId);
    const billed = await stateAtPeriodStart(tx, accountId, period.start, current);
    const changes = await tx
      .select()
      .from(subscriptionChanges)
      .where(
        and(
          eq(subscriptionChanges.accountId, accountId),
          isNull(subscriptionChanges.invoiceId),
          lt(subscriptionChanges.changedAt, period.end),
        ),
      )
      .orderBy(asc(subscriptionChanges.changedAt), asc(subscriptionChanges.id));
    const { seats } = await readUsage(tx, accountId);
    const computed = computeInvoice({
      plan: billed.plan,
      addOns: billed.addOns,
      seats,
      changes,
      taxRateBasisPoints: account.taxRateBasisPoints,
      currency: current.currency,
      timeZone,
    });
    const [issuedBefore] = await tx
      .select({ value: count() })
      .from(invoices)
      .where(eq(invoices.accountId, accountId));
    const sequence = String((issuedBefore?.value ?? 0) + 1).padStart(4, "0");
    const [invoice] = await tx
      .insert(invoices)
      .values({
        accountId,
        number: `INV-${periodStart.slice(0, 7)}-${sequence}`,
        periodStart,
        // The last day billed, inclusive: the period ends at midnight starting the next month.
        periodEnd: localDate(new Date(period.end.getTime() - 1), timeZone),
        currency: current.currency,
        subtotalMinor: computed.subtotalMinor,
        taxRateBasisPoints: computed.taxRateBasisPoints,
        taxMinor: computed.taxMinor,
        totalMinor: computed.totalMinor,
        amountDueMinor: computed.totalMinor,
        billedToName: account.name,
        billedToAddress: account.address,
      })
      .onConflictDoNothing()
      .returning();
    if (!invoice) {
      const winner = await findExisting();
      if (!winner) throw new Error("The invoice could neither be issued nor found.");
      return { invoice: winner, issued: false };
    }
    await tx
      .insert(invoiceLines)
      .values(
        computed.lines.map((line, position) => ({ ...line, invoiceId: invoice.id, position })),
      );
    if (changes.length > 0) {
      await tx
        .update(subscriptionChanges)
        .set({ invoiceId: invoice.id })
        .where(
          inArray(
            subscriptionChanges.id,
            changes.map((change) => change.id),
          ),
        );
    }
    await recordActivity(tx, {
      accountId,
      kind: "invoice.issued",
      actor: options.actor ?? null,
      targetLabel: invoice.number,
      targetId: invoice.id,
      details: {
        summary: `Invoice ${invoice.number} for ${periodStart.slice(0, 7)}: ${formatMoney(invoice.totalMinor, invoice.currency)}.`,
      },
      clientAddress: options.clientAddress,
    });
    await queueInvoiceEmail(tx, invoice);
    return { invoice, issued: true };
  });
}
