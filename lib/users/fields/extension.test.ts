import { describe, expect, it } from "vitest";
import { extensionProblem } from "./extension";

describe("extensionProblem", () => {
  it("accepts no extension", () => {
    expect(extensionProblem("")).toBeUndefined();
  });

  it("accepts 1 to 8 digits, including leading zeros", () => {
    expect(extensionProblem("7")).toBeUndefined();
    expect(extensionProblem("0042")).toBeUndefined();
    expect(extensionProblem("12345678")).toBeUndefined();
  });

  it("refuses more than 8 digits", () => {
    expect(extensionProblem("123456789")).toBe("Use 1 to 8 digits.");
  });

  it("refuses letters, signs, spaces and non-ASCII digits", () => {
    for (const value of ["12a", "+12", "1 2", "-1", "١٢٣"]) {
      expect(extensionProblem(value)).toBe("Use 1 to 8 digits.");
    }
  });
});
