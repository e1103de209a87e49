import { describe, expect, it } from "vitest";
import {
  earliestExpiryDay,
  endOfUtcDay,
  expiryDayProblem,
  isCalendarDay,
  latestExpiryDay,
} from "./token-expiry";

const now = new Date("2025-06-15T22:30:00Z");

describe("token expiry", () => {
  it("allows tomorrow to the same date next year, in UTC", () => {
    expect(earliestExpiryDay(now)).toBe("2025-06-16");
    expect(latestExpiryDay(now)).toBe("2026-06-15");
    expect(expiryDayProblem("2025-06-16", now)).toBeUndefined();
    expect(expiryDayProblem("2026-06-15", now)).toBeUndefined();
  });

  it("refuses today, the past and more than a year ahead", () => {
    expect(expiryDayProblem("2025-06-15", now)).toBe("Choose a date after today.");
    expect(expiryDayProblem("2024-01-01", now)).toBe("Choose a date after today.");
    expect(expiryDayProblem("2026-06-16", now)).toBe("Choose a date at most one year from today.");
  });

  it("refuses text that is not a calendar day", () => {
    for (const text of ["2025-02-30", "2025-13-01", "15/07/2025", "2025-7-1", "tomorrow"]) {
      expect(isCalendarDay(text), text).toBe(false);
      expect(expiryDayProblem(text, now), text).toBe("Enter a date such as 2030-12-31.");
    }
  });

  it("ends a year from 29 February on 28 February", () => {
    expect(latestExpiryDay(new Date("2028-02-29T12:00:00Z"))).toBe("2029-02-28");
  });

  it("expires at the last millisecond of the chosen day, UTC", () => {
    expect(endOfUtcDay("2025-12-31").toISOString()).toBe("2025-12-31T23:59:59.999Z");
  });
});
