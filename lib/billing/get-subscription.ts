import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { accountTimeZone, assertMaySeeBilling } from "./billing-access";
import { quotePlanChange, subscriptionVersion } from "./quote-plan-change";
import { readSubscription } from "./subscription-row";
import { readUsage } from "./usage";

export type GetSubscriptionOptions = { actor: Actor; at?: Date };

/**
 * The account's plan, add-ons, use of each resource and monthly total. An account that
 * never changed its plan is on the default plan; reading it writes nothing.
 */
export async function getSubscription({ actor, at = new Date() }: GetSubscriptionOptions) {
  assertMaySeeBilling(actor);
  const db = getDb();
  const [current, usage, timeZone] = await Promise.all([
    readSubscription(db, actor.accountId),
    readUsage(db, actor.accountId),
    accountTimeZone(db, actor.accountId),
  ]);
  // The current plan quoted against itself gives the preview's lines; the extra units shown
  // are the ones billed now, not what a change would raise them to.
  const quote = quotePlanChange({ current, target: current, usage, at, timeZone });
  const lines = quote.lines.map((line) => ({
    ...line,
    addOns: line.policy === "addon" ? (current.addOns[line.resource] ?? 0) : 0,
    raised: false,
  }));
  return {
    plan: current.plan,
    addOns: current.addOns,
    currency: current.currency,
    seats: usage.seats,
    lines,
    monthlyMinor: quote.monthlyBeforeMinor,
    period: quote.period,
    timeZone,
    version: subscriptionVersion(current),
  };
}
export type SubscriptionOverview = Awaited<ReturnType<typeof getSubscription>>;
