import { describe, expect, it } from "vitest";
import { parseFromEmails } from "./from-emails";

describe("parseFromEmails", () => {
  it("treats empty input as no addresses", () => {
    expect(parseFromEmails("")).toEqual({ ok: true, emails: [] });
    expect(parseFromEmails(" , ; \n")).toEqual({ ok: true, emails: [] });
  });

  it("splits on commas and trims spaces, keeping order", () => {
    expect(parseFromEmails(" sales@example.com ,  ada@example.com")).toEqual({
      ok: true,
      emails: ["sales@example.com", "ada@example.com"],
    });
  });

  it("tolerates semicolons, new lines and trailing separators", () => {
    expect(parseFromEmails("a@example.com;b@example.com\r\nc@example.com,\n")).toEqual({
      ok: true,
      emails: ["a@example.com", "b@example.com", "c@example.com"],
    });
  });

  it("drops a repeated address in any case, keeping the first spelling", () => {
    expect(parseFromEmails("Ada@Example.com, b@example.com, ada@example.COM")).toEqual({
      ok: true,
      emails: ["Ada@Example.com", "b@example.com"],
    });
  });

  it("names the entry that is not an email address", () => {
    expect(parseFromEmails("ada@example.com, not-an-email ,b@example.com")).toEqual({
      ok: false,
      message: '"not-an-email" is not a valid email address.',
    });
  });

  it("refuses an address without a domain suffix", () => {
    expect(parseFromEmails("ada@localhost")).toMatchObject({ ok: false });
  });
});
