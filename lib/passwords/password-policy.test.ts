import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

const good = "violet-otter-carries-47-lanterns";

describe("passwordProblem", () => {
  it("accepts a long uncommon password", () => {
    expect(passwordProblem(good, { userName: "ada", email: "ada@example.com" })).toBeUndefined();
  });

  it("refuses a password shorter than 12 characters", () => {
    expect(passwordProblem("a1b2c3d4e5f", {})).toBe("Use at least 12 characters.");
  });

  it("accepts exactly 12 and exactly 256 characters", () => {
    expect(passwordProblem("zq8-kv3-pw7-", {})).toBeUndefined();
    expect(passwordProblem("x".repeat(256), {})).toBeUndefined();
  });

  it("refuses a password longer than 256 characters", () => {
    expect(passwordProblem("x".repeat(257), {})).toBe("Use at most 256 characters.");
  });

  it("counts emoji as one character each", () => {
    expect(passwordProblem("🔒".repeat(11), {})).toBe("Use at least 12 characters.");
    expect(passwordProblem("🔒".repeat(12), {})).toBeUndefined();
    expect(passwordProblem("🔒".repeat(256), {})).toBeUndefined();
  });

  it("refuses a common password whatever its case", () => {
    expect(passwordProblem("LeaveMeAlone", {})).toBe(
      "This password is too common. Choose another.",
    );
  });

  it("refuses the user name, ignoring case and surrounding spaces", () => {
    expect(passwordProblem(" Ada.Lovelace.1815 ", { userName: "ada.lovelace.1815" })).toBe(
      "The password must not be your user name or email.",
    );
  });

  it("refuses the email, ignoring case", () => {
    expect(passwordProblem("ADA@EXAMPLE.COM", { email: "ada@example.com" })).toBe(
      "The password must not be your user name or email.",
    );
  });

  it("accepts a password that only contains the user name", () => {
    expect(passwordProblem(`ada.lovelace-${good}`, { userName: "ada.lovelace" })).toBeUndefined();
  });

  it("does not treat an empty user name as matching a blank password", () => {
    expect(passwordProblem(" ".repeat(12), { userName: "", email: "  " })).toBeUndefined();
  });
});
