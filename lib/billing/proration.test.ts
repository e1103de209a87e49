import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { billingPeriod } from "./billing-period";
import { plans, resourceKeys } from "./catalog";
import { monthlyTotalMinor, proratedChargeMinor, remainingValueMinor } from "./proration";

const march = billingPeriod(new Date("2026-03-10T00:00:00Z"), "UTC");
const marchLength = march.end.getTime() - march.start.getTime();

// Seeded, so a failure reproduces; fast-check prints the counterexample.
const runs = { seed: 20261130, numRuns: 500 };

const zones = fc.constantFrom("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata");
const monthly = fc.integer({ min: 0, max: 50_000_000 });
/** A period in some zone and a moment within it (its start included, its end excluded). */
const momentInPeriod = fc
  .record({
    instant: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }),
    zone: zones,
  })
  .map(({ instant, zone }) => {
    const at = new Date(instant);
    return { at, period: billingPeriod(at, zone) };
  });

describe("monthlyTotalMinor", () => {
  it("charges seats at the plan's price and add-ons at their unit prices", () => {
    expect(monthlyTotalMinor({ plan: plans.team, addOns: {}, seats: 3 })).toBe(7200);
    expect(
      monthlyTotalMinor({ plan: plans.team, addOns: { instances: 2, phoneNumbers: 5 }, seats: 1 }),
    ).toBe(2400 + 2 * 2500 + 5 * 300);
  });

  it("ignores add-on keys the catalog does not know", () => {
    expect(monthlyTotalMinor({ plan: plans.starter, addOns: { pigeons: 9 }, seats: 2 })).toBe(2400);
  });
});

describe("remainingValueMinor", () => {
  it("is the whole amount at the start, none at the end, half at the middle", () => {
    expect(remainingValueMinor(3100, march.start, march)).toBe(3100);
    expect(remainingValueMinor(3100, march.end, march)).toBe(0);
    const middle = new Date(march.start.getTime() + marchLength / 2);
    expect(remainingValueMinor(3101, middle, march)).toBe(1551);
  });

  it("refuses a moment outside the period", () => {
    expect(() => remainingValueMinor(100, new Date(march.end.getTime() + 1), march)).toThrow(
      RangeError,
    );
  });
});

describe("proratedChargeMinor", () => {
  it("charges an upgrade for the rest of the month, a third of the way through", () => {
    const at = new Date(march.start.getTime() + marchLength / 3);
    // Team → Enterprise for 3 seats: (13500 − 7200) × 2/3 = 4200.
    expect(
      proratedChargeMinor({
        monthlyBeforeMinor: 7200,
        monthlyAfterMinor: 13500,
        at,
        period: march,
      }),
    ).toBe(4200);
    expect(
      proratedChargeMinor({
        monthlyBeforeMinor: 13500,
        monthlyAfterMinor: 7200,
        at,
        period: march,
      }),
    ).toBe(-4200);
  });

  it("changing A→B then B→C at one moment equals changing A→C", () => {
    fc.assert(
      fc.property(momentInPeriod, monthly, monthly, monthly, ({ at, period }, a, b, c) => {
        const charge = (before: number, after: number) =>
          proratedChargeMinor({ monthlyBeforeMinor: before, monthlyAfterMinor: after, at, period });
        expect(charge(a, b) + charge(b, c)).toBe(charge(a, c));
      }),
      runs,
    );
  });

  it("a change and its reverse cancel", () => {
    fc.assert(
      fc.property(momentInPeriod, monthly, monthly, ({ at, period }, a, b) => {
        const there = proratedChargeMinor({
          monthlyBeforeMinor: a,
          monthlyAfterMinor: b,
          at,
          period,
        });
        const back = proratedChargeMinor({
          monthlyBeforeMinor: b,
          monthlyAfterMinor: a,
          at,
          period,
        });
        expect(there + back).toBe(0);
      }),
      runs,
    );
  });

  it("is the whole monthly difference at the period's start and nothing at its end", () => {
    fc.assert(
      fc.property(momentInPeriod, monthly, monthly, ({ period }, a, b) => {
        const options = { monthlyBeforeMinor: a, monthlyAfterMinor: b, period };
        expect(proratedChargeMinor({ ...options, at: period.start })).toBe(b - a);
        expect(proratedChargeMinor({ ...options, at: period.end })).toBe(0);
      }),
      runs,
    );
  });

  it("is a whole number of cents, between zero and the monthly difference", () => {
    fc.assert(
      fc.property(momentInPeriod, monthly, monthly, ({ at, period }, a, b) => {
        const charge = proratedChargeMinor({
          monthlyBeforeMinor: a,
          monthlyAfterMinor: b,
          at,
          period,
        });
        expect(Number.isSafeInteger(charge)).toBe(true);
        expect(Math.abs(charge)).toBeLessThanOrEqual(Math.abs(b - a));
        expect(Math.sign(charge) * Math.sign(b - a)).not.toBe(-1);
      }),
      runs,
    );
  });

  it("is within a cent of the exact fraction of the difference", () => {
    fc.assert(
      fc.property(momentInPeriod, monthly, monthly, ({ at, period }, a, b) => {
        const charge = proratedChargeMinor({
          monthlyBeforeMinor: a,
          monthlyAfterMinor: b,
          at,
          period,
        });
        const fraction =
          (period.end.getTime() - at.getTime()) / (period.end.getTime() - period.start.getTime());
        expect(Math.abs(charge - (b - a) * fraction)).toBeLessThanOrEqual(1);
      }),
      runs,
    );
  });

  it("a plan changed twice at one moment costs what one change to the final plan costs", () => {
    fc.assert(
      fc.property(
        momentInPeriod,
        fc.constantFrom(...Object.values(plans)),
        fc.constantFrom(...Object.values(plans)),
        fc.constantFrom(...Object.values(plans)),
        fc.integer({ min: 1, max: 500 }),
        fc.dictionary(fc.constantFrom(...resourceKeys), fc.integer({ min: 0, max: 50 })),
        ({ at, period }, first, second, third, seats, addOns) => {
          const total = (plan: (typeof plans)["team"]) =>
            monthlyTotalMinor({ plan, addOns, seats });
          const charge = (before: number, after: number) =>
            proratedChargeMinor({
              monthlyBeforeMinor: before,
              monthlyAfterMinor: after,
              at,
              period,
            });
          expect(charge(total(first), total(second)) + charge(total(second), total(third))).toBe(
            charge(total(first), total(third)),
          );
        },
      ),
      runs,
    );
  });
});
