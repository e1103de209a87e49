import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoiceLines } from "@/db/schema";
import { queueEmail } from "@/lib/email/queue-email";
import { backgroundPortalUrl } from "@/lib/users/portal-url";
import { billingRecipients } from "./billing-recipients";
import { formatTaxRate } from "./compute-invoice";
import { formatInvoicePeriod } from "./format-invoice-period";
import type { Invoice } from "./issue-invoice";
import { formatMoney } from "./money";

// No "server-only": the billing run (plain Node) issues invoices.

/**
 * Sends a newly issued invoice to the account's billing recipients, in the transaction that
 * issued it: the messages exist exactly when the invoice does.
 */
export async function queueInvoiceEmail(tx: Executor, invoice: Invoice): Promise<void> {
  const { organizationName, recipients } = await billingRecipients(tx, invoice.accountId);
  if (recipients.length === 0) return;
  const lines = await tx
    .select({ description: invoiceLines.description, amountMinor: invoiceLines.amountMinor })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id))
    .orderBy(asc(invoiceLines.position));
  const money = (amountMinor: number) => formatMoney(amountMinor, invoice.currency);
  const props = {
    organizationName,
    invoiceNumber: invoice.number,
    period: formatInvoicePeriod(invoice.periodStart, invoice.periodEnd),
    lines: lines.map((line) => ({
      description: line.description,
      amount: money(line.amountMinor),
    })),
    subtotal: money(invoice.subtotalMinor),
    taxRate: formatTaxRate(invoice.taxRateBasisPoints),
    tax: money(invoice.taxMinor),
    total: money(invoice.totalMinor),
    amountDue: money(invoice.amountDueMinor),
    invoiceLink: backgroundPortalUrl(`/billing/invoices/${invoice.id}`),
  };
  for (const recipient of recipients) {
    await queueEmail(tx, {
      accountId: invoice.accountId,
      userId: recipient.userId,
      to: recipient.to,
      template: "invoice-issued",
      props: { ...props, recipientName: recipient.recipientName },
    });
  }
}
