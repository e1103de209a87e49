import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { PaymentProviderUnavailableError } from "./payment-provider";
import { paymentProvider } from "./payment-provider-for";
import { readCustomerRef, saveCustomerRef } from "./provider-customer";

export type StartAddingCardOptions = {
  actor: Actor;
  /** The portal's origin, for the provider's links back ("https://portal.example"). */
  origin: string;
};

/**
 * Starts adding a card: the provider's hosted page, where the person types the card, and
 * which sends them back to /billing/payment-methods/added with its reference.
 */
export async function startAddingCard({ actor, origin }: StartAddingCardOptions) {
  assertCan(actor, "billing", "manage");
  const db = getDb();
  const [account] = await db
    .select({ billingEmail: accounts.billingEmail })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.id));
  const customerRef = await readCustomerRef(db, actor.accountId);
  try {
    const began = await paymentProvider().beginCardSetup({
      accountId: actor.accountId,
      customerRef,
      email: account?.billingEmail || user?.email || "",
      returnUrl: `${origin}/billing/payment-methods/added?reference={SETUP_REFERENCE}`,
      cancelUrl: `${origin}/billing/payment-methods`,
    });
    if (began.customerRef && began.customerRef !== customerRef) {
      await db.transaction((tx) => saveCustomerRef(tx, actor.accountId, began.customerRef));
    }
    return began.redirectUrl;
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) throw new ConflictError(error.message);
    throw error;
  }
}
