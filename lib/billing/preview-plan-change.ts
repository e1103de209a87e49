import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { accountTimeZone, assertMaySeeBilling } from "./billing-access";
import { plans } from "./catalog";
import { quotePlanChange, subscriptionVersion } from "./quote-plan-change";
import { addOnsOf, type PlanChangeInput } from "./schemas";
import { readSubscription } from "./subscription-row";
import { readUsage } from "./usage";

export type PreviewPlanChangeOptions = { actor: Actor; input: PlanChangeInput; at?: Date };

/**
 * What the change would cost (new monthly total, prorated charge or credit for the rest of
 * the month) and what stands in its way, without changing anything.
 */
export async function previewPlanChange({
  actor,
  input,
  at = new Date(),
}: PreviewPlanChangeOptions) {
  assertMaySeeBilling(actor);
  const db = getDb();
  const [current, usage, timeZone] = await Promise.all([
    readSubscription(db, actor.accountId),
    readUsage(db, actor.accountId),
    accountTimeZone(db, actor.accountId),
  ]);
  const quote = quotePlanChange({
    current,
    target: { plan: plans[input.plan], addOns: addOnsOf(input) },
    usage,
    at,
    timeZone,
  });
  return { ...quote, currentPlan: current.plan, basedOn: subscriptionVersion(current) };
}
export type PlanChangePreview = Awaited<ReturnType<typeof previewPlanChange>>;
