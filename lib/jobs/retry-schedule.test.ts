import { describe, expect, it } from "vitest";
import { maxJobAttempts, nextAttemptAt } from "./retry-schedule";

describe("retry schedule", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  const waits = (attempts: number) => {
    const at = nextAttemptAt(attempts, now);
    return at ? (at.getTime() - now.getTime()) / 1000 : undefined;
  };

  it("waits 30 s, 2 min, 10 min, 1 h and 6 h after the first five failures", () => {
    expect([1, 2, 3, 4, 5].map(waits)).toEqual([30, 120, 600, 3600, 21600]);
  });

  it("gives up after the sixth attempt fails", () => {
    expect(maxJobAttempts).toBe(6);
    expect(waits(6)).toBeUndefined();
  });
});
