"use server";

import { notFound, redirect } from "next/navigation";
import { flash, flashRefusal } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { formatMoney } from "@/lib/billing/money";
import { formDataObject } from "@/lib/form-values";
import { applyAccountCredit } from "@/lib/payments/apply-account-credit";
import { payInvoice } from "@/lib/payments/pay-invoice";
import { applyCreditSchema, payInvoiceSchema } from "@/lib/payments/schemas";
import { isUuid } from "@/lib/uuid";

function invoicePath(formData: FormData) {
  const id = String(formData.get("invoiceId") ?? "");
  if (!isUuid(id)) notFound();
  return `/billing/invoices/${id}`;
}

/**
 * Pays the invoice with the chosen card. The form's key comes back with a double click or a
 * retried post, which finds the first payment instead of charging again.
 */
export async function payInvoiceAction(formData: FormData) {
  const actor = await requireActor();
  const path = invoicePath(formData);
  const parsed = payInvoiceSchema.safeParse(formDataObject(formData));
  if (!parsed.success) {
    await flash(
      parsed.error.issues[0]?.message ?? "The payment form is not valid: reload the page.",
    );
    redirect(path);
  }
  try {
    const { payment, inProgress } = await payInvoice({ actor, input: parsed.data });
    const amount = formatMoney(payment.amountMinor, payment.currency);
    if (inProgress) await flash(`The payment of ${amount} is being processed`);
    else if (payment.status === "succeeded")
      await flash(`Paid ${amount} with ${payment.methodLabel}`);
    else if (payment.status === "declined") {
      await flash(
        `${payment.methodLabel} was declined: ${payment.declineReason} Nothing was charged; the invoice is still open.`,
      );
    } else await flash(`The payment of ${amount} is being processed`);
  } catch (error) {
    await flashRefusal(error);
  }
  redirect(path);
}

export async function applyCreditAction(formData: FormData) {
  const actor = await requireActor();
  const path = invoicePath(formData);
  const parsed = applyCreditSchema.safeParse(formDataObject(formData));
  if (!parsed.success) {
    await flash("The form is not valid: reload the page.");
    redirect(path);
  }
  try {
    const payment = await applyAccountCredit({ actor, ...parsed.data });
    await flash(`${formatMoney(payment.amountMinor, payment.currency)} of account credit applied`);
  } catch (error) {
    await flashRefusal(error);
  }
  redirect(path);
}
