import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { type Invoice, invoices, type Payment, payments } from "@/db/schema";
import { type ActivityInput, recordActivity } from "@/lib/activity/record-activity";
import { formatMoney } from "@/lib/billing/money";

/**
 * Takes a succeeded payment off its locked invoice: as much as is due goes to the invoice
 * (paid when nothing is left), and anything beyond stays on the account as credit (a charge
 * that found its invoice paid by other means meanwhile). Records the part applied on the
 * payment, so credit is always the sum of what payments did not apply.
 */
export async function applyPaymentToInvoice(
  tx: Transaction,
  invoice: Invoice,
  payment: Payment,
  activity: Pick<ActivityInput, "actor" | "clientAddress">,
): Promise<{ invoice: Invoice; payment: Payment }> {
  const appliedMinor =
    invoice.status === "open" ? Math.min(invoice.amountDueMinor, payment.amountMinor) : 0;
  const [appliedPayment] = await tx
    .update(payments)
    .set({ appliedMinor })
    .where(eq(payments.id, payment.id))
    .returning();
  if (appliedMinor === 0) return { invoice, payment: appliedPayment! };
  const amountDueMinor = invoice.amountDueMinor - appliedMinor;
  const paid = amountDueMinor === 0;
  const [updated] = await tx
    .update(invoices)
    .set(paid ? { amountDueMinor, status: "paid", paidAt: new Date() } : { amountDueMinor })
    .where(eq(invoices.id, invoice.id))
    .returning();
  if (paid) {
    await recordActivity(tx, {
      accountId: invoice.accountId,
      kind: "invoice.paid",
      actor: activity.actor,
      targetLabel: invoice.number,
      targetId: invoice.id,
      details: {
        summary: `Invoice ${invoice.number} paid in full: ${formatMoney(invoice.totalMinor, invoice.currency)}.`,
      },
      clientAddress: activity.clientAddress,
    });
  }
  return { invoice: updated!, payment: appliedPayment! };
}
