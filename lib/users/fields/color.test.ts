import { describe, expect, it } from "vitest";
import { normalizeColor } from "./color";

describe("normalizeColor", () => {
  it("treats empty input as no colour", () => {
    expect(normalizeColor("")).toBe("");
    expect(normalizeColor("  ")).toBe("");
  });

  it("lower-cases a six-digit colour", () => {
    expect(normalizeColor("#1A2B3C")).toBe("#1a2b3c");
  });

  it("expands a three-digit colour", () => {
    expect(normalizeColor("#F0a")).toBe("#ff00aa");
  });

  it("ignores surrounding spaces", () => {
    expect(normalizeColor(" #abc ")).toBe("#aabbcc");
  });

  it("refuses anything else", () => {
    for (const value of ["abc", "#ab", "#abcd", "#abcdef0", "#ggg", "red", "rgb(0,0,0)"]) {
      expect(normalizeColor(value)).toBeUndefined();
    }
  });
});
