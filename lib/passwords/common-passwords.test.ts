import { dictionary } from "@zxcvbn-ts/language-common";
import rankedPasswords from "@zxcvbn-ts/language-common/dist/passwords.json.mjs";
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";

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

  it("includes every one of the 10,000 most common passwords", () => {
    const top = dictionary["passwords-common"].slice(0, 10_000);
    expect(top).toHaveLength(10_000);
    expect(top.every(isCommonPassword)).toBe(true);
  });

  it("also refuses long common passwords ranked below the first 10,000", () => {
    expect(rankedPasswords.indexOf("password1234")).toBeGreaterThan(10_000);
    expect(isCommonPassword("password1234")).toBe(true);
    expect(isCommonPassword("123456789012")).toBe(true);
  });
});
