import type { ResourceQuantities } from "@/db/schema/billing";
import type { FieldErrors } from "@/lib/errors";
import { type BillingPeriod, billingPeriod } from "./billing-period";
import {
  type OveragePolicy,
  type Plan,
  type ResourceKey,
  resourceCount,
  resourceKeys,
  resourceLabels,
} from "./catalog";
import { monthlyTotalMinor, proratedChargeMinor } from "./proration";

export type ResourceLine = {
  resource: ResourceKey;
  used: number;
  included: number;
  policy: OveragePolicy;
  /** Add-on units billed: what was asked for, raised to cover use beyond the inclusion. */
  addOns: number;
  /** True when the add-ons were raised to cover what is in use. */
  raised: boolean;
  /** True when use is beyond what the plan includes and the plan refuses more. */
  refused: boolean;
};

export type PlanChangeQuote = {
  plan: Plan;
  addOns: ResourceQuantities;
  lines: ResourceLine[];
  /** Why the change cannot be made; empty when it can. */
  problems: string[];
  fieldErrors: FieldErrors;
  seats: number;
  monthlyBeforeMinor: number;
  monthlyAfterMinor: number;
  proratedMinor: number;
  currency: string;
  period: BillingPeriod;
  /** True when the plan and the add-ons billed are what they are now. */
  unchanged: boolean;
};

export type QuotePlanChangeOptions = {
  current: { plan: Plan; addOns: ResourceQuantities; currency: string };
  target: { plan: Plan; addOns: Partial<Record<ResourceKey, number>> };
  usage: { seats: number; resources: Record<ResourceKey, number> };
  at: Date;
  timeZone: string;
};

/** "subscription=team;instances=2": what a preview was made against. */
export function subscriptionVersion(state: { plan: Plan; addOns: ResourceQuantities }): string {
  const addOns = resourceKeys
    .filter((resource) => (state.addOns[resource] ?? 0) > 0)
    .map((resource) => `${resource}=${state.addOns[resource]}`);
  return [`plan=${state.plan.key}`, ...addOns].join(";");
}

/**
 * What a change of plan or add-ons would cost and whether the account's use allows it: the
 * same answer for the preview and, under the locks, for the change itself.
 */
export function quotePlanChange({
  current,
  target,
  usage,
  at,
  timeZone,
}: QuotePlanChangeOptions): PlanChangeQuote {
  const { plan } = target;
  const problems: string[] = [];
  const fieldErrors: FieldErrors = {};
  const addOns: ResourceQuantities = {};
  const lines = resourceKeys.map((resource): ResourceLine => {
    const used = usage.resources[resource];
    const included = plan.included[resource];
    const policy = plan.overage[resource];
    const asked = target.addOns[resource] ?? 0;
    if (policy === "refuse") {
      if (asked > 0) {
        fieldErrors[resource] =
          `The ${plan.name} plan sells no extra ${resourceLabels[resource].many}: leave this at 0 or choose another plan.`;
      }
      const refused = used > included;
      if (refused) {
        problems.push(
          `You use ${resourceCount(resource, used)} and the ${plan.name} plan includes ${included}: remove ${used - included} first or choose another plan.`,
        );
      }
      return { resource, used, included, policy, addOns: 0, raised: false, refused };
    }
    const billed = Math.max(asked, used - included);
    if (billed > 0) addOns[resource] = billed;
    return {
      resource,
      used,
      included,
      policy,
      addOns: billed,
      raised: billed > asked,
      refused: false,
    };
  });
  const period = billingPeriod(at, timeZone);
  const monthlyBeforeMinor = monthlyTotalMinor({
    plan: current.plan,
    addOns: current.addOns,
    seats: usage.seats,
  });
  const monthlyAfterMinor = monthlyTotalMinor({ plan, addOns, seats: usage.seats });
  return {
    plan,
    addOns,
    lines,
    problems,
    fieldErrors,
    seats: usage.seats,
    monthlyBeforeMinor,
    monthlyAfterMinor,
    proratedMinor: proratedChargeMinor({ monthlyBeforeMinor, monthlyAfterMinor, at, period }),
    currency: current.currency,
    period,
    unchanged: subscriptionVersion({ plan, addOns }) === subscriptionVersion(current),
  };
}
