import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, invoiceLines, invoices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { assertMaySeeBilling } from "./billing-access";

export type GetInvoiceOptions = { actor: Actor; invoiceId: string };

/**
 * One invoice of the actor's account with its lines and the organization it is addressed to
 * (name and address as they were when it was issued); another account's invoice is not found.
 */
export async function getInvoice({ actor, invoiceId }: GetInvoiceOptions) {
  assertMaySeeBilling(actor);
  if (!isUuid(invoiceId)) throw new NotFoundError("No such invoice.");
  const db = getDb();
  const [row] = await db
    .select({ invoice: invoices, organizationName: accounts.name, address: accounts.address })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.accountId, actor.accountId)));
  if (!row) throw new NotFoundError("No such invoice.");
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));
  return {
    ...row.invoice,
    lines,
    // Addressed as when it was issued; the fallback is for rows older than the snapshot.
    organization: {
      name: row.invoice.billedToName || row.organizationName,
      address: row.invoice.billedToAddress || row.address,
    },
  };
}
export type InvoiceDetails = Awaited<ReturnType<typeof getInvoice>>;
