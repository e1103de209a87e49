import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertNoPendingCharge } from "@/lib/payments/payable-invoice";
import { isUuid } from "@/lib/uuid";

export type VoidInvoiceOptions = { actor: Actor; invoiceId: string };

/**
 * Voids an open invoice: nothing is due on it any more. A paid or void one cannot be voided.
 * Its period keeps the invoice, so the billing run does not issue another for it.
 */
export async function voidInvoice({ actor, invoiceId }: VoidInvoiceOptions) {
  assertCan(actor, "billing", "manage");
  if (!isUuid(invoiceId)) throw new NotFoundError("No such invoice.");
  return getDb().transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.accountId, actor.accountId)))
      .for("update");
    if (!invoice) throw new NotFoundError("No such invoice.");
    if (invoice.status !== "open") {
      throw new ConflictError(
        `Invoice ${invoice.number} is ${invoice.status}: only an open invoice can be voided.`,
      );
    }
    await assertNoPendingCharge(tx, invoice);
    // Money received for it would be left without an invoice to explain it.
    if (invoice.amountDueMinor !== invoice.totalMinor) {
      throw new ConflictError(
        `Invoice ${invoice.number} has payments against it: it cannot be voided.`,
      );
    }
    const [voided] = await tx
      .update(invoices)
      .set({
        status: "void",
        voidedAt: new Date(),
        amountDueMinor: 0,
        voidedMinor: invoice.amountDueMinor,
      })
      .where(eq(invoices.id, invoice.id))
      .returning();
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "invoice.voided",
      actor,
      targetLabel: invoice.number,
      targetId: invoice.id,
      clientAddress: actor.clientAddress,
    });
    return voided!;
  });
}
