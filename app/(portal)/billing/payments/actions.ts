"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction } from "@/lib/actions/form-action";
import { formatMoney } from "@/lib/billing/money";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { manualPaymentSchema } from "@/lib/payments/schemas";

export async function recordManualPaymentAction(
  _state: ActionState | undefined,
  formData: FormData,
) {
  return formAction(manualPaymentSchema, formData, async (input, actor) => {
    const { payment, recorded } = await recordManualPayment({ actor, input });
    const amount = formatMoney(payment.amountMinor, payment.currency);
    await flash(
      recorded
        ? `${payment.methodLabel} of ${amount} recorded${payment.invoiceId ? "" : " as account credit"}`
        : `${payment.methodLabel} of ${amount} was already recorded`,
    );
    redirect(payment.invoiceId ? `/billing/invoices/${payment.invoiceId}` : "/billing/activity");
  });
}
