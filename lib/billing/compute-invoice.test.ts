import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ResourceQuantities } from "@/db/schema/billing";
import { planKeys, plans, resourceKeys } from "./catalog";
import { computeInvoice, formatTaxRate, taxOf } from "./compute-invoice";

// Some resources, each with a quantity (0 included: a resource the plan covers).
const addOns: fc.Arbitrary<ResourceQuantities> = fc.dictionary(
  fc.constantFrom(...resourceKeys),
  fc.integer({ min: 0, max: 5000 }),
);

const change = fc.record({
  changedAt: fc.date({
    min: new Date("2026-01-01T00:00:00Z"),
    max: new Date("2027-01-01T00:00:00Z"),
    noInvalidDate: true,
  }),
  planKeyBefore: fc.constantFrom(...planKeys),
  planKeyAfter: fc.constantFrom(...planKeys),
  addOnsBefore: addOns,
  addOnsAfter: addOns,
  proratedMinor: fc.integer({ min: -5_000_000, max: 5_000_000 }),
});

const invoiceInput = fc.record({
  planKey: fc.constantFrom(...planKeys),
  addOns,
  seats: fc.integer({ min: 0, max: 10_000 }),
  changes: fc.array(change, { maxLength: 8 }),
  taxRateBasisPoints: fc.integer({ min: 0, max: 10_000 }),
});

type InvoiceInput = typeof invoiceInput extends fc.Arbitrary<infer T> ? T : never;

const compute = (input: InvoiceInput) =>
  computeInvoice({
    plan: plans[input.planKey],
    addOns: input.addOns,
    seats: input.seats,
    changes: input.changes,
    taxRateBasisPoints: input.taxRateBasisPoints,
    currency: "USD",
    timeZone: "Europe/Paris",
  });

describe("computeInvoice", () => {
  it("makes the lines sum to the subtotal and subtotal plus tax the total", () => {
    fc.assert(
      fc.property(invoiceInput, (input) => {
        const invoice = compute(input);
        const sum = invoice.lines.reduce((total, line) => total + line.amountMinor, 0);
        expect(sum).toBe(invoice.subtotalMinor);
        expect(invoice.subtotalMinor + invoice.taxMinor).toBe(invoice.totalMinor);
        for (const line of invoice.lines) {
          expect(line.quantity * line.unitAmountMinor).toBe(line.amountMinor);
        }
      }),
    );
  });

  it("charges whole minor units of tax within half a unit of the exact tax", () => {
    fc.assert(
      fc.property(invoiceInput, (input) => {
        const invoice = compute(input);
        expect(Number.isSafeInteger(invoice.taxMinor)).toBe(true);
        // |tax × 10000 − subtotal × rate| ≤ 5000, in integers: the rounding moved it at most ½.
        const error =
          BigInt(invoice.taxMinor) * 10_000n -
          BigInt(invoice.subtotalMinor) * BigInt(input.taxRateBasisPoints);
        expect(error <= 5_000n && error >= -5_000n).toBe(true);
      }),
    );
  });

  it("charges no tax at a zero rate", () => {
    fc.assert(
      fc.property(invoiceInput, (input) => {
        const invoice = compute({ ...input, taxRateBasisPoints: 0 });
        expect(invoice.taxMinor).toBe(0);
        expect(invoice.totalMinor).toBe(invoice.subtotalMinor);
      }),
    );
  });

  it("taxes a credit as the opposite of the same charge", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, rate) => {
          expect(taxOf(-amount, rate) + taxOf(amount, rate)).toBe(0);
        },
      ),
    );
  });

  it("writes seats, add-ons and prorated changes as lines", () => {
    const invoice = computeInvoice({
      plan: plans.team,
      addOns: { instances: 2, storageGb: 0 },
      seats: 12,
      changes: [
        {
          changedAt: new Date("2026-11-16T10:00:00Z"),
          planKeyBefore: "starter",
          planKeyAfter: "team",
          addOnsBefore: {},
          addOnsAfter: { instances: 2 },
          proratedMinor: 7_550,
        },
        {
          changedAt: new Date("2026-11-20T10:00:00Z"),
          planKeyBefore: "team",
          planKeyAfter: "team",
          addOnsBefore: { instances: 3 },
          addOnsAfter: { instances: 2 },
          proratedMinor: -917,
        },
      ],
      taxRateBasisPoints: 825,
      currency: "USD",
      timeZone: "UTC",
    });
    expect(invoice.lines).toEqual([
      {
        description: "Team plan: 12 seats × $24.00",
        quantity: 12,
        unitAmountMinor: 2_400,
        amountMinor: 28_800,
      },
      {
        description: "Extra instances: 2 × $25.00",
        quantity: 2,
        unitAmountMinor: 2_500,
        amountMinor: 5_000,
      },
      {
        description:
          "Prorated charge for the change on Nov 16, 2026: Starter → Team; extra instances 0 → 2",
        quantity: 1,
        unitAmountMinor: 7_550,
        amountMinor: 7_550,
      },
      {
        description: "Prorated credit for the change on Nov 20, 2026: extra instances 3 → 2",
        quantity: 1,
        unitAmountMinor: -917,
        amountMinor: -917,
      },
    ]);
    // 40 433 × 8.25 % = 3 335.7225 → 3 336 cents.
    expect(invoice).toMatchObject({ subtotalMinor: 40_433, taxMinor: 3_336, totalMinor: 43_769 });
  });

  it("rounds half a cent of tax away from zero", () => {
    // 10 cents × 5 % = 0.5 cent.
    expect(taxOf(10, 500)).toBe(1);
    expect(taxOf(-10, 500)).toBe(-1);
    expect(taxOf(9, 500)).toBe(0);
  });

  it("writes a tax rate from basis points", () => {
    expect(formatTaxRate(825)).toBe("8.25 %");
    expect(formatTaxRate(2000)).toBe("20 %");
    expect(formatTaxRate(5)).toBe("0.05 %");
    expect(formatTaxRate(0)).toBe("0 %");
  });
});
