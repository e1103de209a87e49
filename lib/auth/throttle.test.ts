import { describe, expect, it } from "vitest";
import { lockDurationMs } from "./throttle";

describe("lockDurationMs", () => {
  it("does not lock before ten consecutive failures", () => {
    expect(lockDurationMs(9)).toBe(0);
  });

  it("doubles from one minute to at most fifteen", () => {
    expect([10, 11, 12, 13, 14, 15, 40].map((n) => lockDurationMs(n) / 60_000)).toEqual([
      1, 2, 4, 8, 15, 15, 15,
    ]);
  });
});
