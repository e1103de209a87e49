import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertMaySeeBilling } from "./billing-access";

export type ListInvoicesOptions = { actor: Actor };

/** The account's invoices, newest period first; one a month, so a year is twelve rows. */
export async function listInvoices({ actor }: ListInvoicesOptions) {
  assertMaySeeBilling(actor);
  return getDb()
    .select()
    .from(invoices)
    .where(eq(invoices.accountId, actor.accountId))
    .orderBy(desc(invoices.periodStart));
}
