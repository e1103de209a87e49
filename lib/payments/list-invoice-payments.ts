import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertMaySeeBilling } from "@/lib/billing/billing-access";

/** Every payment and attempt on one invoice of the actor's account, oldest first. */
export async function listInvoicePayments({
  actor,
  invoiceId,
}: {
  actor: Actor;
  invoiceId: string;
}) {
  assertMaySeeBilling(actor);
  return getDb()
    .select()
    .from(payments)
    .where(and(eq(payments.accountId, actor.accountId), eq(payments.invoiceId, invoiceId)))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}
