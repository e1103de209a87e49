import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { lockSubscription } from "@/lib/billing/subscription-row";

/** The account's customer at the payment provider, "" before its first card. */
export async function readCustomerRef(tx: Executor, accountId: string): Promise<string> {
  const [row] = await tx
    .select({ ref: subscriptions.providerCustomerRef })
    .from(subscriptions)
    .where(eq(subscriptions.accountId, accountId));
  return row?.ref ?? "";
}

/** Keeps the customer the provider made, unless another request kept one first. */
export async function saveCustomerRef(tx: Executor, accountId: string, ref: string) {
  await lockSubscription(tx, accountId);
  await tx
    .update(subscriptions)
    .set({ providerCustomerRef: ref })
    .where(and(eq(subscriptions.accountId, accountId), eq(subscriptions.providerCustomerRef, "")));
}
