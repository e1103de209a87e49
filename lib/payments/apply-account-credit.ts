import "server-only";
import { getDb } from "@/db/client";
import { payments } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { accountTimeZone } from "@/lib/billing/billing-access";
import { localDate } from "@/lib/billing/issue-invoice";
import { formatMoney } from "@/lib/billing/money";
import { lockSubscription } from "@/lib/billing/subscription-row";
import { ConflictError } from "@/lib/errors";
import { availableCredit } from "./account-credit";
import { applyPaymentToInvoice } from "./apply-payment-to-invoice";
import {
  assertNoPendingCharge,
  assertPayable,
  lockInvoice,
  paymentWithKey,
} from "./payable-invoice";

/**
 * Uses the account's credit on an open invoice: as much as is due, up to the credit there is.
 * The subscription row is locked first so two invoices cannot spend the same credit.
 */
export async function applyAccountCredit({
  actor,
  invoiceId,
  idempotencyKey,
}: {
  actor: Actor;
  invoiceId: string;
  idempotencyKey: string;
}) {
  assertCan(actor, "billing", "manage");
  return getDb().transaction(async (tx) => {
    await lockSubscription(tx, actor.accountId);
    const invoice = await lockInvoice(tx, actor.accountId, invoiceId);
    const repeat = await paymentWithKey(tx, actor.accountId, idempotencyKey);
    if (repeat) {
      if (repeat.invoiceId !== invoice.id || repeat.kind !== "credit") {
        throw new ConflictError("This form was already used for another payment: reload the page.");
      }
      return repeat;
    }
    assertPayable(invoice);
    await assertNoPendingCharge(tx, invoice);
    const credit = await availableCredit(tx, actor.accountId);
    if (credit <= 0) throw new ConflictError("The account has no credit to apply.");
    const amountMinor = Math.min(credit, invoice.amountDueMinor);
    const [payment] = await tx
      .insert(payments)
      .values({
        accountId: actor.accountId,
        invoiceId: invoice.id,
        kind: "credit",
        status: "succeeded",
        amountMinor,
        currency: invoice.currency,
        idempotencyKey,
        methodLabel: "Account credit",
        receivedOn: localDate(new Date(), await accountTimeZone(tx, actor.accountId)),
        actorUserId: actor.id,
        actorLabel: actor.userName,
        settledAt: new Date(),
      })
      .returning();
    const activity = { actor, clientAddress: actor.clientAddress };
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "credit.applied",
      ...activity,
      targetLabel: invoice.number,
      targetId: invoice.id,
      details: {
        summary: `${formatMoney(amountMinor, invoice.currency)} of account credit applied to invoice ${invoice.number}.`,
      },
    });
    return (await applyPaymentToInvoice(tx, invoice, payment!, activity)).payment;
  });
}
