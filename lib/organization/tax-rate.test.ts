import { describe, expect, it } from "vitest";
import { formatTaxRate, parseTaxRate } from "./tax-rate";

const basisPoints = (input: string) => {
  const parsed = parseTaxRate(input);
  return parsed.ok ? parsed.basisPoints : parsed.message;
};

describe("parseTaxRate", () => {
  it("reads a percent with up to 2 decimals as basis points, without floating-point error", () => {
    expect(basisPoints("8.25")).toBe(825);
    expect(basisPoints("0.29")).toBe(29);
    expect(basisPoints("0.57")).toBe(57);
    expect(basisPoints("1.15")).toBe(115);
    expect(basisPoints("8.5")).toBe(850);
    expect(basisPoints("8.")).toBe(800);
    expect(basisPoints(".5")).toBe(50);
    expect(basisPoints("08.05")).toBe(805);
    expect(basisPoints("  19.6 % ")).toBe(1960);
  });

  it("accepts 0 and 100, and reads an empty rate as 0", () => {
    expect(basisPoints("0")).toBe(0);
    expect(basisPoints("100")).toBe(10_000);
    expect(basisPoints("100.00")).toBe(10_000);
    expect(basisPoints("")).toBe(0);
  });

  it("refuses a third decimal rather than rounding it", () => {
    expect(basisPoints("8.255")).toBe("Enter the tax rate with at most 2 decimals, such as 8.25.");
  });

  it("refuses negative rates, rates over 100 and anything not a number", () => {
    const outOfRange = "Enter the tax rate as a percent between 0 and 100, such as 8.25.";
    expect(basisPoints("-1")).toBe(outOfRange);
    expect(basisPoints("100.01")).toBe("Enter a tax rate between 0 and 100.");
    expect(basisPoints("1000")).toBe(outOfRange);
    expect(basisPoints("1e2")).toBe(outOfRange);
    expect(basisPoints("8,25")).toBe(outOfRange);
    expect(basisPoints(".")).toBe(outOfRange);
    expect(basisPoints("abc")).toBe(outOfRange);
  });
});

describe("formatTaxRate", () => {
  it("shows basis points as the percent typed, without trailing zeros", () => {
    expect(formatTaxRate(825)).toBe("8.25");
    expect(formatTaxRate(850)).toBe("8.5");
    expect(formatTaxRate(800)).toBe("8");
    expect(formatTaxRate(5)).toBe("0.05");
    expect(formatTaxRate(0)).toBe("0");
    expect(formatTaxRate(10_000)).toBe("100");
  });

  it("round-trips through parseTaxRate", () => {
    for (let value = 0; value <= 10_000; value += 7) {
      expect(basisPoints(formatTaxRate(value))).toBe(value);
    }
  });
});
