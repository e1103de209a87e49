import type { ResourceQuantities } from "@/db/schema/billing";
import { addOnUnitPriceMinor, type Plan, planFor, resourceKeys, resourceLabels } from "./catalog";
import { assertMinor, formatMoney, scaleMinor } from "./money";

/** One invoice line: quantity × unit = amount, in minor units (a credit has a negative unit). */
export type ComputedLine = {
  description: string;
  quantity: number;
  unitAmountMinor: number;
  amountMinor: number;
};

/** The parts of a subscription_changes row an invoice bills. */
export type BillableChange = {
  changedAt: Date;
  planKeyBefore: string;
  planKeyAfter: string;
  addOnsBefore: ResourceQuantities;
  addOnsAfter: ResourceQuantities;
  proratedMinor: number;
};

export type ComputeInvoiceOptions = {
  plan: Plan;
  addOns: ResourceQuantities;
  seats: number;
  changes: readonly BillableChange[];
  taxRateBasisPoints: number;
  currency: string;
  /** The zone the changes' dates are written in. */
  timeZone: string;
};

export type ComputedInvoice = {
  lines: ComputedLine[];
  subtotalMinor: number;
  taxRateBasisPoints: number;
  taxMinor: number;
  totalMinor: number;
};

/** Tax on an amount at a rate in hundredths of a percent, rounded once by money.ts's rule. */
export function taxOf(amountMinor: number, taxRateBasisPoints: number): number {
  if (!Number.isSafeInteger(taxRateBasisPoints) || taxRateBasisPoints < 0) {
    throw new RangeError("A tax rate must be a whole, non-negative number of basis points.");
  }
  return scaleMinor(amountMinor, BigInt(taxRateBasisPoints), 10_000n);
}

/** "8.25 %" from 825 basis points, without floating point. */
export function formatTaxRate(taxRateBasisPoints: number): string {
  const whole = Math.trunc(taxRateBasisPoints / 100);
  const fraction = String(taxRateBasisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""} %`;
}

/** "Team → Enterprise; extra instances 0 → 2" for a change's line. */
function describeChange(change: BillableChange, timeZone: string): string {
  const parts: string[] = [];
  if (change.planKeyBefore !== change.planKeyAfter) {
    parts.push(`${planFor(change.planKeyBefore).name} → ${planFor(change.planKeyAfter).name}`);
  }
  for (const resource of resourceKeys) {
    const before = change.addOnsBefore[resource] ?? 0;
    const after = change.addOnsAfter[resource] ?? 0;
    if (before !== after) parts.push(`extra ${resourceLabels[resource].many} ${before} → ${after}`);
  }
  const day = new Intl.DateTimeFormat("en", { timeZone, dateStyle: "medium" }).format(
    change.changedAt,
  );
  const kind = change.proratedMinor < 0 ? "credit" : "charge";
  return `Prorated ${kind} for the change on ${day}: ${parts.join("; ") || "no difference"}`;
}

/**
 * An invoice's lines and sums: the plan's seats, each add-on resource, and one line per
 * prorated change (credits negative). Every amount is an integer product or a stored amount,
 * so the lines add up to the subtotal exactly; tax is the only rounding, done once on the
 * subtotal, and the total is subtotal plus tax.
 */
export function computeInvoice(options: ComputeInvoiceOptions): ComputedInvoice {
  const { plan, addOns, seats, currency } = options;
  if (!Number.isSafeInteger(seats) || seats < 0) {
    throw new RangeError("Seats must be a whole, non-negative number.");
  }
  const money = (amount: number) => formatMoney(amount, currency);
  const lines: ComputedLine[] = [
    {
      description: `${plan.name} plan: ${seats} ${seats === 1 ? "seat" : "seats"} × ${money(plan.seatPriceMinor)}`,
      quantity: seats,
      unitAmountMinor: plan.seatPriceMinor,
      amountMinor: seats * plan.seatPriceMinor,
    },
  ];
  for (const resource of resourceKeys) {
    const quantity = addOns[resource] ?? 0;
    if (quantity <= 0) continue;
    const unit = addOnUnitPriceMinor[resource];
    lines.push({
      description: `Extra ${resourceLabels[resource].many}: ${quantity} × ${money(unit)}`,
      quantity,
      unitAmountMinor: unit,
      amountMinor: quantity * unit,
    });
  }
  for (const change of options.changes) {
    if (change.proratedMinor === 0) continue;
    lines.push({
      description: describeChange(change, options.timeZone),
      quantity: 1,
      unitAmountMinor: change.proratedMinor,
      amountMinor: change.proratedMinor,
    });
  }
  let subtotalMinor = 0;
  for (const line of lines) {
    assertMinor(line.amountMinor);
    subtotalMinor += line.amountMinor;
  }
  assertMinor(subtotalMinor);
  const taxMinor = taxOf(subtotalMinor, options.taxRateBasisPoints);
  const totalMinor = subtotalMinor + taxMinor;
  assertMinor(totalMinor);
  return {
    lines,
    subtotalMinor,
    taxRateBasisPoints: options.taxRateBasisPoints,
    taxMinor,
    totalMinor,
  };
}
