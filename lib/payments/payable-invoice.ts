// No "server-only": receipts and settlement may run in background jobs too.
import { and, eq, gt, isNotNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { type Invoice, invoices, type Payment, payments } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/** How long a card charge handed to the provider keeps others off its invoice. */
export const chargeLeaseMs = 60_000;

/** The invoice, locked for this transaction: payments of one invoice take turns. */
export async function lockInvoice(
  tx: Transaction,
  accountId: string,
  invoiceId: string,
): Promise<Invoice> {
  if (!isUuid(invoiceId)) throw new NotFoundError("No such invoice.");
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.accountId, accountId)))
    .for("update");
  if (!invoice) throw new NotFoundError("No such invoice.");
  return invoice;
}

/** Refuses an invoice with nothing left to pay, saying why. */
export function assertPayable(invoice: Invoice): void {
  if (invoice.status === "paid" || (invoice.status === "open" && invoice.amountDueMinor <= 0)) {
    throw new ConflictError(`Invoice ${invoice.number} is paid: nothing is due on it.`);
  }
  if (invoice.status === "void") {
    throw new ConflictError(`Invoice ${invoice.number} is void: nothing is due on it.`);
  }
}

/**
 * A card charge of the invoice the provider may be answering right now. While one is, the
 * amount due must not move (another payment, a void), or the charge could pay twice.
 */
export async function chargeInProgress(
  tx: Transaction,
  invoiceId: string,
  now = new Date(),
): Promise<Payment | undefined> {
  const [pending] = await tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.invoiceId, invoiceId),
        eq(payments.status, "pending"),
        isNotNull(payments.chargeStartedAt),
        gt(payments.chargeStartedAt, new Date(now.getTime() - chargeLeaseMs)),
      ),
    )
    .limit(1);
  return pending;
}

/**
 * Refuses to move the invoice's amount due (another payment, credit, a void) while any card
 * charge of it is unsettled, leased or not: the provider may have taken the money, and the
 * charge is settled (by the next Pay or the payments.settle job) before anything else counts.
 */
export async function assertNoPendingCharge(tx: Transaction, invoice: Invoice): Promise<void> {
  const [pending] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.invoiceId, invoice.id),
        eq(payments.status, "pending"),
        eq(payments.kind, "card"),
      ),
    )
    .limit(1);
  if (pending) {
    throw new ConflictError(
      `A card payment of invoice ${invoice.number} is being processed: once the provider has answered, the invoice shows whether it went through.`,
    );
  }
}

/**
 * The payment an earlier post of the same form made (a double click, a retry), if any: the key
 * is unique per account, so a repeat finds it instead of paying again.
 */
export async function paymentWithKey(
  tx: Transaction,
  accountId: string,
  idempotencyKey: string,
): Promise<Payment | undefined> {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.accountId, accountId), eq(payments.idempotencyKey, idempotencyKey)));
  return payment;
}
