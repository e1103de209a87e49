import type { ResourceQuantities } from "@/db/schema/billing";
import type { BillingPeriod } from "./billing-period";
import { addOnUnitPriceMinor, type Plan, resourceKeys } from "./catalog";
import { assertMinor, scaleMinor } from "./money";

export type MonthlyTotalOptions = { plan: Plan; addOns: ResourceQuantities; seats: number };

/** Seats at the plan's price plus every add-on unit at its price, per month, in minor units. */
export function monthlyTotalMinor({ plan, addOns, seats }: MonthlyTotalOptions): number {
  let total = plan.seatPriceMinor * seats;
  for (const resource of resourceKeys) {
    total += (addOns[resource] ?? 0) * addOnUnitPriceMinor[resource];
  }
  assertMinor(total);
  return total;
}

/**
 * What is left of a monthly amount at `at`: amount × remaining time ÷ period length, computed
 * on whole milliseconds in integers and rounded once (half away from zero).
 */
export function remainingValueMinor(monthlyMinor: number, at: Date, period: BillingPeriod): number {
  const start = BigInt(period.start.getTime());
  const end = BigInt(period.end.getTime());
  const now = BigInt(at.getTime());
  if (end <= start) throw new RangeError("A billing period must have a positive length.");
  if (now < start || now > end) throw new RangeError("The moment is outside the billing period.");
  return scaleMinor(monthlyMinor, end - now, end - start);
}

export type ProratedChargeOptions = {
  monthlyBeforeMinor: number;
  monthlyAfterMinor: number;
  at: Date;
  period: BillingPeriod;
};

/**
 * The charge (> 0) or credit (< 0) for the rest of the period. It is the difference of the
 * two rounded remaining values, not the rounded difference: then changes at one moment add
 * up exactly (A→B plus B→C is A→C, a change and its reverse cancel), whatever the rounding.
 */
export function proratedChargeMinor({
  monthlyBeforeMinor,
  monthlyAfterMinor,
  at,
  period,
}: ProratedChargeOptions): number {
  return (
    remainingValueMinor(monthlyAfterMinor, at, period) -
    remainingValueMinor(monthlyBeforeMinor, at, period)
  );
}
