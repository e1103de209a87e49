import { describe, expect, it } from "vitest";
import { checkCardForm, parseExpiry } from "./test-card-form";
import { groupedCardNumber, luhnValid } from "./test-cards";

const now = new Date("2026-11-15T12:00:00Z");
const form = {
  number: "4242 4242 4242 4242",
  expiry: "11/26",
  cvc: "123",
  name: " Ada  Lovelace ",
};

describe("the test card form", () => {
  it("accepts a test card that expires this month and tidies the name", () => {
    expect(checkCardForm(form, now)).toEqual({
      ok: true,
      checked: {
        card: expect.objectContaining({ number: "4242424242424242", brand: "visa" }),
        expMonth: 11,
        expYear: 2026,
        holderName: "Ada Lovelace",
      },
    });
  });

  it("names each field's problem", () => {
    expect(checkCardForm({ number: "", expiry: "", cvc: "", name: "" }, now)).toEqual({
      ok: false,
      errors: { number: "missing", expiry: "missing", cvc: "either", name: "missing" },
    });
    expect(
      checkCardForm({ number: "4242 4242 abcd", expiry: "13/27", cvc: "12a", name: "x" }, now),
    ).toEqual({ ok: false, errors: { number: "invalid", expiry: "invalid", cvc: "either" } });
    expect(checkCardForm({ ...form, expiry: "10/26" }, now)).toEqual({
      ok: false,
      errors: { expiry: "past" },
    });
    expect(checkCardForm({ ...form, expiry: "01/2099" }, now)).toEqual({
      ok: false,
      errors: { expiry: "far" },
    });
    expect(checkCardForm({ ...form, name: "x".repeat(101) }, now)).toEqual({
      ok: false,
      errors: { name: "long" },
    });
    expect(checkCardForm({ ...form, number: "378282246310005", cvc: "1234" }, now).ok).toBe(true);
  });

  it("reads the ways people type an expiry date", () => {
    expect(parseExpiry("08/30")).toEqual({ expMonth: 8, expYear: 2030 });
    expect(parseExpiry("8/30")).toEqual({ expMonth: 8, expYear: 2030 });
    expect(parseExpiry("08 / 2030")).toEqual({ expMonth: 8, expYear: 2030 });
    expect(parseExpiry("0830")).toEqual({ expMonth: 8, expYear: 2030 });
    expect(parseExpiry("00/30")).toBeUndefined();
    expect(parseExpiry("08-30")).toBeUndefined();
  });

  it("checks numbers with Luhn and groups them as printed", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(luhnValid("378282246310005")).toBe(true);
    expect(groupedCardNumber("378282246310005")).toBe("3782 822463 10005");
    expect(groupedCardNumber("4242424242424242")).toBe("4242 4242 4242 4242");
  });
});
