import { describe, expect, it } from "vitest";
import { billingPeriod } from "./billing-period";

describe("billingPeriod", () => {
  it("is the calendar month in UTC", () => {
    const period = billingPeriod(new Date("2026-02-14T12:00:00Z"), "UTC");
    expect(period.start.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(period.end.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("reads the month in the account's time zone", () => {
    // 23:30 on 31 January in New York is already February in UTC.
    const period = billingPeriod(new Date("2026-02-01T04:30:00Z"), "America/New_York");
    expect(period.start.toISOString()).toBe("2026-01-01T05:00:00.000Z");
    expect(period.end.toISOString()).toBe("2026-02-01T05:00:00.000Z");
  });

  it("follows a daylight-saving change inside the month", () => {
    // Europe/Berlin moves from +01:00 to +02:00 on 29 March 2026: the month is an hour short.
    const period = billingPeriod(new Date("2026-03-15T12:00:00Z"), "Europe/Berlin");
    expect(period.start.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(period.end.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(period.end.getTime() - period.start.getTime()).toBe((31 * 24 - 1) * 3_600_000);
  });

  it("rolls December over into January", () => {
    const period = billingPeriod(new Date("2026-12-31T23:59:59Z"), "Asia/Tokyo");
    expect(period.start.toISOString()).toBe("2026-12-31T15:00:00.000Z");
    expect(period.end.toISOString()).toBe("2027-01-31T15:00:00.000Z");
  });

  it("starts a period at its own first instant", () => {
    const first = billingPeriod(new Date("2026-03-01T00:00:00Z"), "UTC");
    expect(first.start.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });
});
