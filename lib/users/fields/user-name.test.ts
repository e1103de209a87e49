import { describe, expect, it } from "vitest";
import { userNameProblem } from "./user-name";

describe("userNameProblem", () => {
  it("requires a user name", () => {
    expect(userNameProblem("")).toBe("Enter a user name.");
  });

  it("accepts letters, digits, dots, underscores and hyphens", () => {
    expect(userNameProblem("Ada.Lovelace_1815-x")).toBeUndefined();
  });

  it("accepts 3 and 64 characters", () => {
    expect(userNameProblem("ada")).toBeUndefined();
    expect(userNameProblem("a".repeat(64))).toBeUndefined();
  });

  it("refuses fewer than 3 or more than 64 characters", () => {
    expect(userNameProblem("ad")).toBe("Use 3 to 64 characters.");
    expect(userNameProblem("a".repeat(65))).toBe("Use 3 to 64 characters.");
  });

  it("refuses spaces, @ and letters outside ASCII", () => {
    for (const value of ["ada lovelace", "ada@example", "adá", "аda"]) {
      expect(userNameProblem(value)).toBe(
        "Use only letters, digits, dots, underscores and hyphens.",
      );
    }
  });
});
