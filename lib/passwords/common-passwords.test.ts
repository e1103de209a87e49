import { dictionary } from "@zxcvbn-ts/language-common";
import rankedPasswords from "@zxcvbn-ts/language-common/dist/passwords.json.mjs";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "./common-passwords";

describe("isCommonPassword", () => {
  it("recognises the most common passwords", () => {
    expect(isCommonPassword("123456")).toBe(true);
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("qwertyuiop")).toBe(true);
  });

  it("ignores letter case", () => {
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("TRUSTNO1")).toBe(true);
  });

  it("accepts a password outside the list", () => {
    expect(isCommonPassword("violet-otter-carries-47-lanterns")).toBe(false);
    expect(isCommonPassword("")).toBe(false);
  });

  it("includes the 10,000th ranked password and not the 10,001st", () => {
    const last = rankedPasswords[COMMON_PASSWORD_COUNT - 1]!;
    const next = rankedPasswords[COMMON_PASSWORD_COUNT]!;
    expect(isCommonPassword(last)).toBe(true);
    expect(rankedPasswords.slice(0, COMMON_PASSWORD_COUNT)).not.toContain(next);
    expect(isCommonPassword(next)).toBe(false);
  });

  it("reads the same ranked list the package exports publicly", () => {
    expect(rankedPasswords.slice(0, COMMON_PASSWORD_COUNT)).toEqual(
      dictionary["passwords-common"].slice(0, COMMON_PASSWORD_COUNT),
    );
  });
});
