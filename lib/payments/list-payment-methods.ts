import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentMethods } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertMaySeeBilling } from "@/lib/billing/billing-access";

/** The account's saved cards, the default first, then the newest. */
export async function listPaymentMethods({ actor }: { actor: Actor }) {
  assertMaySeeBilling(actor);
  return getDb()
    .select()
    .from(paymentMethods)
    .where(eq(paymentMethods.accountId, actor.accountId))
    .orderBy(
      desc(paymentMethods.isDefault),
      desc(paymentMethods.createdAt),
      asc(paymentMethods.id),
    );
}
