import { randomUUID } from "node:crypto";
import Link from "next/link";
import { Button, ButtonLink } from "@/components/button";
import { Table, TD, TH, THead, TR } from "@/components/data-table";
import { Pane } from "@/components/pane";
import type { Payment, PaymentMethod } from "@/db/schema";
import type { InvoiceDetails } from "@/lib/billing/get-invoice";
import { formatMoney } from "@/lib/billing/money";
import { cardExpired, cardExpiry, cardLabel } from "@/lib/payments/card-label";
import { applyCreditAction, payInvoiceAction } from "../payment-actions";
import { PaymentStatusBadge } from "./payment-status-badge";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** The invoice's payments and attempts, declines with their reason. */
export function InvoicePaymentList({
  invoice,
  payments,
}: {
  invoice: InvoiceDetails;
  payments: Payment[];
}) {
  if (payments.length === 0) return null;
  return (
    <Pane title="Payments">
      <Table caption={`Payments of invoice ${invoice.number}`}>
        <THead>
          <tr>
            <TH>Received</TH>
            <TH>Method</TH>
            <TH>Status</TH>
            <TH>By</TH>
            <TH className="text-right">Amount</TH>
          </tr>
        </THead>
        <tbody>
          {payments.map((payment) => (
            <TR key={payment.id}>
              <TD>{dateFormat.format(new Date(`${payment.receivedOn}T12:00:00Z`))}</TD>
              <TD>
                {payment.methodLabel}
                {payment.status === "declined" && payment.declineReason ? (
                  <span className="block text-xs text-red-700">{payment.declineReason}</span>
                ) : null}
              </TD>
              <TD>
                <PaymentStatusBadge status={payment.status} />
              </TD>
              <TD>{payment.actorLabel || "—"}</TD>
              <TD className="text-right tabular-nums">
                {formatMoney(payment.amountMinor, payment.currency)}
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
    </Pane>
  );
}

/**
 * Ways to pay what is due, for Billing: Manage. Each form carries a key made when the page was
 * shown, so a double click or a retried post pays once.
 */
export function PayInvoicePanel({
  invoice,
  cards,
  creditMinor,
}: {
  invoice: InvoiceDetails;
  cards: PaymentMethod[];
  creditMinor: number;
}) {
  const due = formatMoney(invoice.amountDueMinor, invoice.currency);
  const now = new Date();
  const usable = cards.filter((card) => !cardExpired(card, now));
  const chosen = usable.find((card) => card.isDefault) ?? usable[0];
  return (
    <Pane title="Pay this invoice" className="print:hidden">
      <div className="space-y-6 p-4">
        <p className="text-sm text-neutral-800">
          <span className="font-medium">{due}</span> is due.
        </p>
        {creditMinor > 0 ? (
          <form action={applyCreditAction} className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="invoiceId" value={invoice.id} />
            <input type="hidden" name="idempotencyKey" value={randomUUID()} />
            <p className="text-sm text-neutral-700">
              The account has {formatMoney(creditMinor, invoice.currency)} of credit.
            </p>
            <Button type="submit" variant="secondary" size="sm">
              Apply account credit
            </Button>
          </form>
        ) : null}
        {usable.length > 0 ? (
          <form action={payInvoiceAction} className="space-y-3">
            <input type="hidden" name="invoiceId" value={invoice.id} />
            <input type="hidden" name="idempotencyKey" value={randomUUID()} />
            <fieldset>
              <legend className="text-sm font-medium text-neutral-900">Card</legend>
              <div className="mt-2 space-y-2">
                {usable.map((card) => (
                  <label key={card.id} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="paymentMethodId"
                      value={card.id}
                      defaultChecked={card.id === chosen?.id}
                      required
                    />
                    {cardLabel(card)}
                    <span className="text-neutral-600">expires {cardExpiry(card)}</span>
                    {card.isDefault ? <span className="text-neutral-600">(default)</span> : null}
                  </label>
                ))}
              </div>
            </fieldset>
            <Button type="submit">Pay {due}</Button>
          </form>
        ) : (
          <p className="text-sm text-neutral-700">
            {cards.length > 0 ? "Every saved card has expired. " : "No card is saved. "}
            <Link href="/billing/payment-methods" className="font-medium text-accent-700 underline">
              Add a card
            </Link>{" "}
            to pay by card.
          </p>
        )}
        <div className="border-t border-neutral-200 pt-4">
          <p className="text-sm text-neutral-700">Paid by cheque or bank transfer?</p>
          <ButtonLink
            href={`/billing/payments/new?invoice=${invoice.id}`}
            variant="secondary"
            size="sm"
            className="mt-2"
          >
            Record a manual payment
          </ButtonLink>
        </div>
      </div>
    </Pane>
  );
}
