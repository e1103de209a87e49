import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoices, payments } from "@/db/schema";
import type { PaymentKind } from "@/db/schema/payments";
import { billingRecipients } from "@/lib/billing/billing-recipients";
import { formatMoney } from "@/lib/billing/money";
import { queueEmail } from "@/lib/email/queue-email";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { backgroundPortalUrl } from "@/lib/users/portal-url";

// No "server-only": a card charge may be settled by a background job (plain Node).

type Payment = typeof payments.$inferSelect;

const dayFormat = new Intl.DateTimeFormat("en", { timeZone: "UTC", dateStyle: "medium" });

/** "Visa •••• 4242", "Cheque 1042": the label kept on the row, else one made from its kind. */
function methodOf(payment: Payment): string {
  const label = payment.methodLabel.trim();
  if (label) return label;
  const fallback: Record<PaymentKind, string> = {
    card: "Card",
    cheque: "Cheque",
    transfer: "Bank transfer",
    credit: "Account credit",
  };
  return `${fallback[payment.kind]} ${payment.reference.trim()}`.trim();
}

async function invoiceOf(tx: Executor, payment: Payment) {
  if (!payment.invoiceId) return undefined;
  const [invoice] = await tx
    .select({
      id: invoices.id,
      number: invoices.number,
      currency: invoices.currency,
      amountDueMinor: invoices.amountDueMinor,
    })
    .from(invoices)
    .where(and(eq(invoices.id, payment.invoiceId), eq(invoices.accountId, payment.accountId)));
  return invoice;
}

/**
 * Sends the receipt of a succeeded payment to the account's billing recipients, in the
 * transaction that recorded its success: the invoice it paid, read here, already shows what
 * the payment took off. A payment that did not succeed has no receipt, and asking is a bug.
 */
export async function queuePaymentReceipt(tx: Executor, paymentId: string): Promise<void> {
  const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment) throw new NotFoundError("No such payment.");
  if (payment.status !== "succeeded") {
    throw new ConflictError(`A ${payment.status} payment has no receipt: only a succeeded one.`);
  }
  const { organizationName, recipients } = await billingRecipients(tx, payment.accountId);
  if (recipients.length === 0) return;
  const invoice = await invoiceOf(tx, payment);
  const props = {
    organizationName,
    amount: formatMoney(payment.amountMinor, payment.currency),
    method: methodOf(payment),
    paidOn: dayFormat.format(new Date(`${payment.receivedOn}T00:00:00Z`)),
    invoice: invoice
      ? { number: invoice.number, amountDue: formatMoney(invoice.amountDueMinor, invoice.currency) }
      : null,
    link: backgroundPortalUrl(invoice ? `/billing/invoices/${invoice.id}` : "/billing/activity"),
  };
  for (const recipient of recipients) {
    await queueEmail(tx, {
      accountId: payment.accountId,
      userId: recipient.userId,
      to: recipient.to,
      template: "payment-receipt",
      props: { ...props, recipientName: recipient.recipientName },
    });
  }
}
