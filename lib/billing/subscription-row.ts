// No "server-only" marker: the billing run (a background job under plain Node) reads it too.
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type ResourceQuantities, subscriptions } from "@/db/schema";
import { billingCurrency, defaultPlanKey, type Plan, planFor, resourceKeys } from "./catalog";

export type SubscriptionState = {
  plan: Plan;
  /** Known resources only, each a whole number above zero. */
  addOns: ResourceQuantities;
  currency: string;
  /** When it last changed; null for an account still on the default plan without a row. */
  updatedAt: Date | null;
};

/** Drops unknown keys, zeros and anything that is not a whole positive number. */
export function cleanAddOns(addOns: ResourceQuantities): ResourceQuantities {
  const clean: ResourceQuantities = {};
  for (const resource of resourceKeys) {
    const quantity = addOns[resource];
    if (typeof quantity === "number" && Number.isSafeInteger(quantity) && quantity > 0) {
      clean[resource] = quantity;
    }
  }
  return clean;
}

function stateOf(row: typeof subscriptions.$inferSelect | undefined): SubscriptionState {
  if (!row) {
    return {
      plan: planFor(defaultPlanKey),
      addOns: {},
      currency: billingCurrency,
      updatedAt: null,
    };
  }
  return {
    plan: planFor(row.planKey),
    addOns: cleanAddOns(row.addOns),
    currency: row.currency,
    updatedAt: row.updatedAt,
  };
}

/**
 * The account's subscription. An account without a row is on the default plan: reading
 * never writes, and the row is made by the first change that needs to lock it.
 */
export async function readSubscription(tx: Executor, accountId: string) {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  return stateOf(row);
}

/**
 * The subscription, locked for this transaction: plan changes and resource creations of one
 * account take turns, so two creations cannot both take the last included instance.
 */
export async function lockSubscription(tx: Executor, accountId: string) {
  await tx
    .insert(subscriptions)
    .values({ accountId, planKey: defaultPlanKey, currency: billingCurrency })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.accountId, accountId))
    .for("update");
  return stateOf(row);
}
