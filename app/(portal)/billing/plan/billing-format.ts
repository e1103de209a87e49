import type { BillingPeriod } from "@/lib/billing/billing-period";
import {
  addOnUnitPriceMinor,
  type OveragePolicy,
  type ResourceKey,
  resourceLabels,
} from "@/lib/billing/catalog";
import { formatMoney } from "@/lib/billing/money";

/** "1 – 31 March 2026": the period's days as the account's time zone reads them. */
export function formatPeriod(period: BillingPeriod, timeZone: string): string {
  const format = new Intl.DateTimeFormat("en", { timeZone, dateStyle: "medium" });
  // The period ends at midnight starting the next month: its last day is a moment before.
  return format.formatRange(period.start, new Date(period.end.getTime() - 1));
}

/** What happens beyond the inclusion, in the plan's words. */
export function overageText(resource: ResourceKey, policy: OveragePolicy, currency: string) {
  return policy === "refuse"
    ? `No more ${resourceLabels[resource].many}`
    : `${formatMoney(addOnUnitPriceMinor[resource], currency)} a month each`;
}
