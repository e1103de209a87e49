import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type ResourceQuantities, subscriptionChanges, subscriptions } from "@/db/schema";
import { type ActivityInput, recordActivity } from "@/lib/activity/record-activity";
import { billingPeriod } from "./billing-period";
import { type Plan, resourceKeys, resourceLabels } from "./catalog";
import { describeProrated, formatMoney } from "./money";
import { monthlyTotalMinor, proratedChargeMinor } from "./proration";
import type { SubscriptionState } from "./subscription-row";

export type SubscriptionChange = typeof subscriptionChanges.$inferSelect;

export type ApplySubscriptionChangeOptions = {
  accountId: string;
  /** Who asked; none when the change follows from a resource created beyond the plan. */
  actor: ActivityInput["actor"];
  actorLabel: string;
  clientAddress?: string;
  /** The subscription as locked by the caller (lockSubscription). */
  before: SubscriptionState;
  after: { plan: Plan; addOns: ResourceQuantities };
  seats: number;
  at: Date;
  timeZone: string;
  /** Why, when it is not the actor's choice ("A 26th instance beyond the Team plan"). */
  reason?: string;
};

/**
 * Writes a change of plan or add-ons in the caller's transaction: the subscription, its
 * subscription_changes row with the prorated charge or credit, and the activity row.
 */
export async function applySubscriptionChange(
  tx: Executor,
  options: ApplySubscriptionChangeOptions,
): Promise<SubscriptionChange> {
  const { accountId, before, after, seats, at } = options;
  const monthlyBeforeMinor = monthlyTotalMinor({ ...before, seats });
  const monthlyAfterMinor = monthlyTotalMinor({ ...after, seats });
  const proratedMinor = proratedChargeMinor({
    monthlyBeforeMinor,
    monthlyAfterMinor,
    at,
    period: billingPeriod(at, options.timeZone),
  });
  await tx
    .update(subscriptions)
    .set({ planKey: after.plan.key, addOns: after.addOns, updatedAt: at })
    .where(eq(subscriptions.accountId, accountId));
  const [change] = await tx
    .insert(subscriptionChanges)
    .values({
      accountId,
      changedAt: at,
      planKeyBefore: before.plan.key,
      planKeyAfter: after.plan.key,
      addOnsBefore: before.addOns,
      addOnsAfter: after.addOns,
      monthlyBeforeMinor,
      monthlyAfterMinor,
      proratedMinor,
      currency: before.currency,
      actorLabel: options.actorLabel,
    })
    .returning();
  const changes = [
    ...(before.plan.key === after.plan.key
      ? []
      : [{ field: "Plan", before: before.plan.name, after: after.plan.name }]),
    ...resourceKeys
      .filter((resource) => (before.addOns[resource] ?? 0) !== (after.addOns[resource] ?? 0))
      .map((resource) => ({
        field: `Extra ${resourceLabels[resource].many}`,
        before: before.addOns[resource] ?? 0,
        after: after.addOns[resource] ?? 0,
      })),
  ];
  const money = (amount: number) => formatMoney(amount, before.currency);
  await recordActivity(tx, {
    accountId,
    kind: "subscription.changed",
    actor: options.actor,
    targetLabel: after.plan.name,
    details: {
      changes,
      summary: [
        options.reason,
        `Monthly total ${money(monthlyBeforeMinor)} → ${money(monthlyAfterMinor)}; ${describeProrated(proratedMinor, before.currency)} for the rest of the month.`,
      ]
        .filter(Boolean)
        .join(" "),
    },
    clientAddress: options.clientAddress,
  });
  return change!;
}
