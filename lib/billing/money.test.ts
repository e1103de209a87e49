import { describe, expect, it } from "vitest";
import { describeProrated, divideRounded, formatMoney, scaleMinor } from "./money";

describe("divideRounded", () => {
  it("rounds halves away from zero", () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(15n, 10n)).toBe(2n);
    expect(divideRounded(-15n, 10n)).toBe(-2n);
  });

  it("rounds everything else to the nearest whole unit", () => {
    expect(divideRounded(14n, 10n)).toBe(1n);
    expect(divideRounded(16n, 10n)).toBe(2n);
    expect(divideRounded(-14n, 10n)).toBe(-1n);
    expect(divideRounded(-16n, 10n)).toBe(-2n);
    expect(divideRounded(0n, 7n)).toBe(0n);
    expect(divideRounded(21n, 7n)).toBe(3n);
  });

  it("refuses a denominator that is not positive", () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
    expect(() => divideRounded(1n, -2n)).toThrow(RangeError);
  });
});

describe("scaleMinor", () => {
  it("takes a fraction of an amount and rounds once", () => {
    expect(scaleMinor(2400, 1n, 3n)).toBe(800);
    expect(scaleMinor(1000, 1n, 3n)).toBe(333);
    expect(scaleMinor(2000, 1n, 3n)).toBe(667);
    expect(scaleMinor(1, 1n, 2n)).toBe(1);
    expect(scaleMinor(-1, 1n, 2n)).toBe(-1);
  });

  it("refuses fractions of a cent as input", () => {
    expect(() => scaleMinor(10.5, 1n, 2n)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats minor units with the currency's symbol and digits", () => {
    expect(formatMoney(123450, "USD")).toBe("$1,234.50");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(0, "USD")).toBe("$0.00");
    expect(formatMoney(-310, "USD")).toBe("-$3.10");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });

  it("formats amounts beyond a double's exact cents without losing a digit", () => {
    expect(formatMoney(9007199254740991, "USD")).toBe("$90,071,992,547,409.91");
  });
});

describe("describeProrated", () => {
  it("names a charge, a credit or nothing", () => {
    expect(describeProrated(310, "USD")).toBe("a charge of $3.10");
    expect(describeProrated(-310, "USD")).toBe("a credit of $3.10");
    expect(describeProrated(0, "USD")).toBe("nothing");
  });
});
