import "server-only";
import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { type Payment, paymentMethods, payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { accountTimeZone } from "@/lib/billing/billing-access";
import { localDate } from "@/lib/billing/issue-invoice";
import { ConflictError, InvalidError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { cardExpired, cardLabel } from "./card-label";
import { chargeCardPayment } from "./charge-card-payment";
import {
  assertPayable,
  chargeInProgress,
  chargeLeaseMs,
  lockInvoice,
  paymentWithKey,
} from "./payable-invoice";
import { queueChargeCheck } from "./payment-jobs";
import { type PaymentProvider, PaymentProviderUnavailableError } from "./payment-provider";
import { paymentProvider } from "./payment-provider-for";
import type { PayInvoiceInput } from "./schemas";

export type PayInvoiceOptions = {
  actor: Actor;
  input: PayInvoiceInput;
  /** Tests pass their own; the configured provider otherwise. */
  provider?: PaymentProvider;
};

export type PayInvoiceResult = {
  payment: Payment;
  /** The charge is with the provider under another request (a double click): not charged again. */
  inProgress: boolean;
};

type Claim = { payment: Payment; charge: boolean };

const cardRefusal = (message: string) => new InvalidError(message, { paymentMethodId: message });

/**
 * Pays what is due on an open invoice with a saved card, at most once per idempotency key:
 * the page's form carries a key, so a double click or a retried post finds the first payment
 * instead of charging again. The provider is asked with the payment's own id as its
 * idempotency key, so even taking over a charge whose answer was lost (a crash, a timeout)
 * gets the first answer back rather than a second charge.
 *
 * Three steps, because the provider is a network call that must not hold locks: claim (lock
 * the invoice, write a pending payment), charge, settle (mark the payment, take it off the
 * invoice). While a claim is fresh nothing else may pay or void the invoice.
 */
export async function payInvoice({
  actor,
  input,
  provider,
}: PayInvoiceOptions): Promise<PayInvoiceResult> {
  assertCan(actor, "billing", "manage");
  const claim = await getDb().transaction((tx) => claimCharge(tx, actor, input));
  if (!claim.charge) {
    return { payment: claim.payment, inProgress: claim.payment.status === "pending" };
  }
  try {
    const payment = await chargeCardPayment(claim.payment, provider ?? paymentProvider(), {
      actor,
      clientAddress: actor.clientAddress,
    });
    return { payment, inProgress: false };
  } catch (error) {
    // Unknown whether the provider charged: the payment stays pending, and the next attempt
    // (any key, or the payments.settle job) asks again under the same id.
    if (error instanceof PaymentProviderUnavailableError) {
      throw new ConflictError(
        "The payment provider did not answer, so it is not known yet whether the card was charged. The portal keeps asking; the invoice shows the payment as processing until the provider confirms.",
      );
    }
    throw error;
  }
}

type ClaimWithNumber = Claim & { invoiceNumber: string };

async function claimCharge(
  tx: Transaction,
  actor: Actor,
  input: PayInvoiceInput,
): Promise<ClaimWithNumber> {
  const invoice = await lockInvoice(tx, actor.accountId, input.invoiceId);
  const now = new Date();
  const repeat = await paymentWithKey(tx, actor.accountId, input.idempotencyKey);
  if (repeat) {
    if (repeat.invoiceId !== invoice.id) {
      throw new ConflictError(
        "This payment form was already used for another invoice: reload the page.",
      );
    }
    if (repeat.status !== "pending" || (await chargeInProgress(tx, invoice.id, now))) {
      return { payment: repeat, charge: false, invoiceNumber: invoice.number };
    }
  }
  // A charge whose answer was lost (its lease ran out): ask again under its id, whatever card
  // the form names now, so a charge that went through is found rather than made twice.
  const [stalled] = await tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.invoiceId, invoice.id),
        eq(payments.status, "pending"),
        eq(payments.kind, "card"),
        or(
          isNull(payments.chargeStartedAt),
          lte(payments.chargeStartedAt, new Date(now.getTime() - chargeLeaseMs)),
        ),
      ),
    )
    .orderBy(asc(payments.createdAt))
    .limit(1);
  if (!repeat && !stalled && (await chargeInProgress(tx, invoice.id, now))) {
    throw new ConflictError(
      `A card payment of invoice ${invoice.number} is in progress: wait a minute and reload the invoice.`,
    );
  }
  if (stalled) {
    const [taken] = await tx
      .update(payments)
      .set({ chargeStartedAt: now })
      .where(eq(payments.id, stalled.id))
      .returning();
    await queueChargeCheck(tx, taken!, now);
    return { payment: taken!, charge: true, invoiceNumber: invoice.number };
  }
  assertPayable(invoice);
  if (!isUuid(input.paymentMethodId)) throw cardRefusal("Choose a card to pay with.");
  const [method] = await tx
    .select()
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.id, input.paymentMethodId),
        eq(paymentMethods.accountId, actor.accountId),
      ),
    );
  if (!method) throw cardRefusal("That card is no longer saved: choose another card.");
  if (cardExpired(method, now)) {
    throw cardRefusal(
      `${cardLabel(method)} expired at the end of ${String(method.expMonth).padStart(2, "0")}/${method.expYear}: add a current card.`,
    );
  }
  const [payment] = await tx
    .insert(payments)
    .values({
      accountId: actor.accountId,
      invoiceId: invoice.id,
      kind: "card",
      status: "pending",
      amountMinor: invoice.amountDueMinor,
      currency: invoice.currency,
      idempotencyKey: input.idempotencyKey,
      paymentMethodId: method.id,
      methodLabel: cardLabel(method),
      receivedOn: localDate(now, await accountTimeZone(tx, actor.accountId)),
      actorUserId: actor.id,
      actorLabel: actor.userName,
      chargeStartedAt: now,
    })
    .returning();
  await queueChargeCheck(tx, payment!, now);
  return { payment: payment!, charge: true, invoiceNumber: invoice.number };
}
