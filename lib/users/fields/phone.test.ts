import { describe, expect, it } from "vitest";
import { formatPhone, parsePhone, phoneHint } from "./phone";

describe("parsePhone", () => {
  it("treats empty input as no phone number", () => {
    expect(parsePhone("")).toEqual({ ok: true, e164: "" });
    expect(parsePhone("   ")).toEqual({ ok: true, e164: "" });
  });

  it("reads a national number as a US number", () => {
    expect(parsePhone("(212) 555-0100")).toEqual({ ok: true, e164: "+12125550100" });
  });

  it("keeps the country of an international number", () => {
    expect(parsePhone(" +44 20 7946 0958 ")).toEqual({ ok: true, e164: "+442079460958" });
  });

  it("refuses a number that is too short", () => {
    expect(parsePhone("12")).toMatchObject({ ok: false });
  });

  it("refuses a number with an invalid area code", () => {
    expect(parsePhone("+1 999 555 0100")).toMatchObject({ ok: false });
  });

  it("refuses text that is not a phone number", () => {
    expect(parsePhone("abc")).toEqual({
      ok: false,
      message: "Enter a valid phone number, such as +1 212 555 0100.",
    });
  });

  it("refuses a number surrounded by other text", () => {
    expect(parsePhone("call 212 555 0100 now")).toMatchObject({ ok: false });
  });

  it("refuses a number with an extension", () => {
    expect(parsePhone("212 555 0100 ext. 12")).toEqual({
      ok: false,
      message: "Enter the phone number without an extension.",
    });
  });
});

describe("formatPhone", () => {
  it("formats an E.164 number for display", () => {
    expect(formatPhone("+12125550100")).toBe("+1 212 555 0100");
    expect(formatPhone("+442079460958")).toBe("+44 20 7946 0958");
  });

  it("returns unparsable input unchanged", () => {
    expect(formatPhone("")).toBe("");
    expect(formatPhone("not a number")).toBe("not a number");
  });
});

describe("phoneHint", () => {
  it("shows how a number without its country code will be stored", () => {
    expect(phoneHint("503 555 0199")).toBe(
      "Will be saved as +1 503 555 0199. Include the country code if that is wrong.",
    );
  });

  it("asks for the country code while the number is empty, international or not valid", () => {
    for (const input of ["", "+44 20 7946 0958", "12"]) {
      expect(phoneHint(input)).toBe("Include the country code, such as +1 212 555 0100.");
    }
  });
});
