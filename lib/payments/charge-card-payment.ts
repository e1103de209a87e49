// No "server-only": the payments.settle job (plain Node) finishes charges whose answer was lost.
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices, type Payment, paymentMethods, payments } from "@/db/schema";
import { type ActivityInput, recordActivity } from "@/lib/activity/record-activity";
import { formatMoney } from "@/lib/billing/money";
import { applyPaymentToInvoice } from "./apply-payment-to-invoice";
import { lockInvoice } from "./payable-invoice";
import type { ChargeOutcome, PaymentProvider } from "./payment-provider";
import { readCustomerRef } from "./provider-customer";
import { queuePaymentReceipt } from "./queue-payment-receipt";

/** Who the activity rows of a charge name: the person who pressed Pay. */
export type ChargeActivity = Pick<ActivityInput, "actor" | "clientAddress">;

/**
 * Asks the provider for a claimed (pending, leased) card payment and settles it. The
 * provider's idempotency key is the payment's id, so asking again after a lost answer gets
 * the first answer, never a second charge. When the provider cannot be reached the lease is
 * released and the error rethrown: the payment stays pending for the next attempt.
 */
export async function chargeCardPayment(
  payment: Payment,
  provider: PaymentProvider,
  activity: ChargeActivity,
): Promise<Payment> {
  const db = getDb();
  const [method] = payment.paymentMethodId
    ? await db.select().from(paymentMethods).where(eq(paymentMethods.id, payment.paymentMethodId))
    : [];
  const [invoice] = await db
    .select({ number: invoices.number })
    .from(invoices)
    .where(eq(invoices.id, payment.invoiceId ?? ""));
  if (!method || !invoice) {
    // Cards with a charge in progress cannot be removed, so this is a payment from before
    // that rule or a deleted invoice: nothing can be asked, and nothing was taken.
    return settleCardPayment(
      payment,
      {
        status: "declined",
        code: "card_removed",
        reason: "The card was removed before the payment finished.",
        providerPaymentId: "",
      },
      activity,
    );
  }
  let outcome: ChargeOutcome;
  try {
    outcome = await provider.charge({
      accountId: payment.accountId,
      customerRef: await readCustomerRef(db, payment.accountId),
      token: method.providerToken,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      idempotencyKey: payment.id,
      description: `Invoice ${invoice.number}`,
    });
  } catch (error) {
    await db
      .update(payments)
      .set({ chargeStartedAt: null })
      .where(
        and(
          eq(payments.id, payment.id),
          eq(payments.status, "pending"),
          isNotNull(payments.chargeStartedAt),
        ),
      );
    throw error;
  }
  return settleCardPayment(payment, outcome, activity);
}

/**
 * Records the provider's answer once: the payment succeeded (taken off its invoice, receipt
 * queued) or was declined (the invoice stays open). A second answer for the same payment
 * changes nothing.
 */
async function settleCardPayment(
  payment: Payment,
  outcome: ChargeOutcome,
  activity: ChargeActivity,
): Promise<Payment> {
  return getDb().transaction(async (tx) => {
    const invoice = await lockInvoice(tx, payment.accountId, payment.invoiceId!);
    const succeeded = outcome.status === "succeeded";
    const [settled] = await tx
      .update(payments)
      .set({
        status: outcome.status,
        providerPaymentId: outcome.providerPaymentId,
        declineReason: outcome.status === "declined" ? outcome.reason : "",
        settledAt: new Date(),
      })
      .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
      .returning();
    if (!settled) {
      const [current] = await tx.select().from(payments).where(eq(payments.id, payment.id));
      return current!;
    }
    await recordActivity(tx, {
      accountId: payment.accountId,
      kind: succeeded ? "payment.succeeded" : "payment.declined",
      ...activity,
      targetLabel: invoice.number,
      targetId: invoice.id,
      details: {
        summary: succeeded
          ? `${formatMoney(settled.amountMinor, settled.currency)} paid with ${settled.methodLabel}.`
          : `${settled.methodLabel} declined for ${formatMoney(settled.amountMinor, settled.currency)}: ${settled.declineReason}`,
      },
    });
    if (!succeeded) return settled;
    const applied = await applyPaymentToInvoice(tx, invoice, settled, activity);
    await queuePaymentReceipt(tx, settled.id);
    return applied.payment;
  });
}
