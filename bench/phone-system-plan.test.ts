import { describe, expect, it } from "vitest";
import { featureFormValues } from "../lib/features/feature-columns";
import { parseFeatureFields } from "../lib/features/schemas";
import { planPhoneSystem, type SeatPersonRow } from "./phone-system-plan";
import { benchInstances, seatCount } from "./phone-system-specs";
import { summarize } from "./timings";

const people = (count: number): SeatPersonRow[] =>
  Array.from({ length: count }, (_, n) => ({
    userId: crypto.randomUUID(),
    userName: `person${n}`,
    firstName: "Pat",
    lastName: `Person ${n}`,
    email: `person${n}@bench-1.example`,
  }));

const template = { id: crypto.randomUUID(), name: "Standard User", version: 1 };
const [big, small] = benchInstances;

describe("planPhoneSystem", () => {
  it("plans Bench Big with 10,000 features and 5,000 seats of one to three features", () => {
    const plan = planPhoneSystem(big!, people(seatCount(big!)), template);
    expect(plan.features).toHaveLength(10_000);
    expect(plan.seats).toHaveLength(5000);
    const perSeat = new Map<string, number>();
    for (const feature of plan.features) {
      if (feature.seat_id) perSeat.set(feature.seat_id, (perSeat.get(feature.seat_id) ?? 0) + 1);
    }
    expect(perSeat.size).toBe(5000);
    expect(new Set(perSeat.values())).toEqual(new Set([1, 3]));
  });

  it("keeps numbers, MAC addresses and extensions unique, as the database demands", () => {
    const plans = [big!, small!].map((spec) =>
      planPhoneSystem(spec, people(seatCount(spec)), template),
    );
    const all = plans.flatMap((plan) => plan.features);
    const values = (pick: (row: (typeof all)[number]) => string | null) =>
      all.map(pick).filter((value): value is string => value !== null);
    const numbers = values((row) => row.phoneNumber);
    const macs = values((row) => row.macAddress);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(macs).size).toBe(macs.length);
    for (const plan of plans) {
      const claimed = plan.features.filter((row) => row.owner_label).map((row) => row.extension);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed).not.toContain(null);
    }
  });

  it("stores every feature so that its edit form reads back valid", () => {
    const plan = planPhoneSystem(small!, people(seatCount(small!)), template);
    for (const feature of plan.features) {
      const values = featureFormValues(feature);
      // A voicemail PIN is never shown again; the form's create schema needs one.
      if (feature.kind === "voicemail_box") values.pin = String(feature.settings.pin);
      expect(parseFeatureFields(feature.kind, values)).toMatchObject({ ok: true });
    }
  });

  it("refuses a plan with a value its kind's schema refuses", () => {
    const [person] = people(1);
    const bad = [{ ...person!, email: "not-an-email" }];
    expect(() => planPhoneSystem({ ...small!, templateSeats: 1 }, bad, template)).toThrow(
      /notificationEmail/,
    );
  });
});

describe("summarize", () => {
  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 200 }, (_, n) => 200 - n);
    expect(summarize(samples)).toMatchObject({ count: 200, p50: 100, p95: 190, p99: 198 });
    expect(summarize(samples).mean).toBeCloseTo(100.5);
  });
});
