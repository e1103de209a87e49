import "server-only";
import { getDb } from "@/db/client";
import { payments } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { accountTimeZone } from "@/lib/billing/billing-access";
import { billingCurrency } from "@/lib/billing/catalog";
import { localDate } from "@/lib/billing/issue-invoice";
import { formatMoney } from "@/lib/billing/money";
import { lockSubscription } from "@/lib/billing/subscription-row";
import { ConflictError, InvalidError } from "@/lib/errors";
import { applyPaymentToInvoice } from "./apply-payment-to-invoice";
import {
  assertNoPendingCharge,
  assertPayable,
  lockInvoice,
  paymentWithKey,
} from "./payable-invoice";
import { queuePaymentReceipt } from "./queue-payment-receipt";
import { type ManualPaymentInput, manualPaymentKindLabels } from "./schemas";

/** "Cheque 1042", "Bank transfer TR-88": how a manual payment is named on lists and receipts. */
export function manualPaymentLabel(kind: ManualPaymentInput["kind"], reference: string) {
  return `${manualPaymentKindLabels[kind]} ${reference}`;
}

/**
 * Records a cheque or transfer an Administrator received: against an open invoice (at most
 * what is due) or, with no invoice, as account credit. The form's key makes a double submit
 * record it once.
 */
export async function recordManualPayment({
  actor,
  input,
}: {
  actor: Actor;
  input: ManualPaymentInput;
}) {
  assertCan(actor, "billing", "manage");
  return getDb().transaction(async (tx) => {
    // Payments of one account take turns (the subscription row, then the invoice, in the
    // order every payment takes them), so two posts of one form cannot both insert.
    await lockSubscription(tx, actor.accountId);
    const invoice = input.invoiceId
      ? await lockInvoice(tx, actor.accountId, input.invoiceId)
      : null;
    const repeat = await paymentWithKey(tx, actor.accountId, input.idempotencyKey);
    if (repeat) {
      if (repeat.invoiceId !== (invoice?.id ?? null) || repeat.kind !== input.kind) {
        throw new ConflictError("This form was already used for another payment: reload the page.");
      }
      return { payment: repeat, recorded: false };
    }

    const today = localDate(new Date(), await accountTimeZone(tx, actor.accountId));
    if (input.receivedOn > today) {
      const message = "The day received cannot be in the future.";
      throw new InvalidError(message, { receivedOn: message });
    }
    if (invoice) {
      assertPayable(invoice);
      await assertNoPendingCharge(tx, invoice);
      if (input.amount > invoice.amountDueMinor) {
        const due = formatMoney(invoice.amountDueMinor, invoice.currency);
        const message = `Invoice ${invoice.number} has ${due} due: record at most that against it, and the rest as account credit.`;
        throw new InvalidError(message, { amount: message });
      }
    }
    const [payment] = await tx
      .insert(payments)
      .values({
        accountId: actor.accountId,
        invoiceId: invoice?.id ?? null,
        kind: input.kind,
        status: "succeeded",
        amountMinor: input.amount,
        currency: invoice?.currency ?? billingCurrency,
        idempotencyKey: input.idempotencyKey,
        methodLabel: manualPaymentLabel(input.kind, input.reference),
        reference: input.reference,
        receivedOn: input.receivedOn,
        actorUserId: actor.id,
        actorLabel: actor.userName,
        settledAt: new Date(),
      })
      .returning();
    const activity = { actor, clientAddress: actor.clientAddress };
    const amount = formatMoney(payment!.amountMinor, payment!.currency);
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "payment.recorded",
      ...activity,
      targetLabel: invoice?.number ?? "Account credit",
      targetId: invoice?.id,
      details: {
        summary: invoice
          ? `${payment!.methodLabel} of ${amount} received ${payment!.receivedOn} for invoice ${invoice.number}.`
          : `${payment!.methodLabel} of ${amount} received ${payment!.receivedOn}, kept as account credit.`,
      },
    });
    const settled = invoice
      ? (await applyPaymentToInvoice(tx, invoice, payment!, activity)).payment
      : payment!;
    await queuePaymentReceipt(tx, settled.id);
    return { payment: settled, recorded: true };
  });
}
