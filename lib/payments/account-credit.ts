import { and, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertMaySeeBilling } from "@/lib/billing/billing-access";

/**
 * Account credit not used yet, in minor units: what money received did not apply to an
 * invoice (a payment recorded as credit, a charge beyond what was due) less the credit
 * since applied to invoices.
 */
export async function availableCredit(tx: Executor, accountId: string): Promise<number> {
  const [row] = await tx
    .select({
      unapplied: sql<string>`coalesce(sum(${payments.amountMinor} - ${payments.appliedMinor}) filter (where ${payments.kind} <> 'credit'), 0)`,
      used: sql<string>`coalesce(sum(${payments.amountMinor}) filter (where ${payments.kind} = 'credit'), 0)`,
    })
    .from(payments)
    .where(and(eq(payments.accountId, accountId), eq(payments.status, "succeeded")));
  return Math.max(0, Number(row?.unapplied ?? 0) - Number(row?.used ?? 0));
}

/** The actor's account credit, for pages. */
export async function getAccountCredit({ actor }: { actor: Actor }): Promise<number> {
  assertMaySeeBilling(actor);
  return availableCredit(getDb(), actor.accountId);
}
