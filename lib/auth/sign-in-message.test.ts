import { describe, expect, it } from "vitest";
import { signInMessage } from "./sign-in-message";

describe("signInMessage", () => {
  it("counts a short slow-down in seconds", () => {
    expect(signInMessage("locked", 1)).toBe(
      "Too many failed attempts. Wait 1 second and try again.",
    );
    expect(signInMessage("locked", 5)).toBe(
      "Too many failed attempts. Wait 5 seconds and try again.",
    );
  });

  it("counts a lock in whole minutes, rounded up", () => {
    expect(signInMessage("locked", 60)).toBe(
      "Too many failed attempts. Wait 1 minute and try again.",
    );
    expect(signInMessage("locked", 61)).toBe(
      "Too many failed attempts. Wait 2 minutes and try again.",
    );
  });

  it("reads an unknown wait as a minute", () => {
    expect(signInMessage("locked", 0)).toBe(
      "Too many failed attempts. Wait 1 minute and try again.",
    );
  });
});
