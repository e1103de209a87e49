import { describe, expect, it } from "vitest";
import { ScimError } from "./scim-error";
import { parseScimFilter, scimPage } from "./scim-filter";

const allowed = ["username", "externalid", "emails", "emails.value", "active", "id"] as const;

/** The ScimError a call throws; fails the test when it returns instead. */
function refusalOf(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error("Expected the call to be refused, but it returned.");
}

describe("parseScimFilter", () => {
  it("reads one comparison of userName with a quoted string", () => {
    expect(parseScimFilter('userName eq "ada@example.com"', allowed)).toEqual([
      { attribute: "username", operator: "eq", value: "ada@example.com" },
    ]);
  });

  it("reads no filter, or a blank one, as no comparisons", () => {
    expect(parseScimFilter(null, allowed)).toEqual([]);
    expect(parseScimFilter("   ", allowed)).toEqual([]);
  });

  it("reads attribute and operator names in any letter case", () => {
    expect(parseScimFilter('USERNAME EQ "Ada"', allowed)).toEqual([
      { attribute: "username", operator: "eq", value: "Ada" },
    ]);
    expect(parseScimFilter('externalID Sw "00u"', allowed)).toEqual([
      { attribute: "externalid", operator: "sw", value: "00u" },
    ]);
  });

  it("reads comparisons joined by and, in order", () => {
    expect(
      parseScimFilter('userName sw "ada" and active eq true AND externalId ne "x"', allowed),
    ).toEqual([
      { attribute: "username", operator: "sw", value: "ada" },
      { attribute: "active", operator: "eq", value: true },
      { attribute: "externalid", operator: "ne", value: "x" },
    ]);
  });

  it("reads a value filter in brackets as the sub-attribute it selects", () => {
    expect(parseScimFilter('emails[type eq "work"].value eq "a@b.c"', allowed)).toEqual([
      { attribute: "emails.value", operator: "eq", value: "a@b.c" },
    ]);
    expect(parseScimFilter('emails.value co "@b.c"', allowed)).toEqual([
      { attribute: "emails.value", operator: "co", value: "@b.c" },
    ]);
  });

  it("strips the core schema's URN from a fully qualified attribute", () => {
    expect(
      parseScimFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "ada"', allowed),
    ).toEqual([{ attribute: "username", operator: "eq", value: "ada" }]);
  });

  it("reads true and false, in any letter case, as booleans", () => {
    expect(parseScimFilter("active eq true", allowed)).toEqual([
      { attribute: "active", operator: "eq", value: true },
    ]);
    expect(parseScimFilter("active eq False", allowed)).toEqual([
      { attribute: "active", operator: "eq", value: false },
    ]);
  });

  it("reads escaped quotes and backslashes inside a string", () => {
    expect(parseScimFilter('userName eq "say \\"hi\\" \\\\ bye"', allowed)).toEqual([
      { attribute: "username", operator: "eq", value: 'say "hi" \\ bye' },
    ]);
  });

  it("refuses an escape JSON does not know with invalidFilter rather than failing", () => {
    const refusal = refusalOf(() => parseScimFilter('userName eq "a\\qb"', allowed));
    expect(refusal).toMatchObject({ status: 400, scimType: "invalidFilter" });
  });

  it.each([
    ["or", 'userName eq "a" or userName eq "b"'],
    ["not", 'not (userName eq "a")'],
    ["parentheses", '(userName eq "a")'],
    ["an unknown operator", 'userName gt "a"'],
    ["the present operator, which has no value", "userName pr"],
    ["an attribute that is not allowed", 'title eq "Engineer"'],
    ["an unquoted value", "userName eq ada"],
    ["garbage", "}{ what"],
    ["a dangling and", 'userName eq "a" and'],
    ["a schema URN other than the core one", 'urn:example:User:userName eq "a"'],
  ])("refuses %s with invalidFilter", (_name, filter) => {
    const refusal = refusalOf(() => parseScimFilter(filter, allowed));
    expect(refusal).toMatchObject({ status: 400, scimType: "invalidFilter" });
  });

  it("refuses a filter longer than 1000 characters before reading it", () => {
    const filter = `userName eq "${"a".repeat(990)}"`;
    expect(filter.length).toBeGreaterThan(1000);
    const refusal = refusalOf(() => parseScimFilter(filter, allowed));
    expect(refusal).toMatchObject({ status: 400, scimType: "invalidFilter" });
    expect(refusal.message).toMatch(/too long/);
    const justFits = `userName eq "${"a".repeat(1000 - 'userName eq ""'.length)}"`;
    expect(parseScimFilter(justFits, allowed)).toHaveLength(1);
  });
});

describe("scimPage", () => {
  const page = (query: string) => scimPage(new URLSearchParams(query));

  it("starts at the first resource with 100 of them by default", () => {
    expect(page("")).toEqual({ startIndex: 1, count: 100, offset: 0 });
    expect(page("startIndex=&count=")).toEqual({ startIndex: 1, count: 100, offset: 0 });
  });

  it("turns the 1-based startIndex into an offset", () => {
    expect(page("startIndex=11&count=5")).toEqual({ startIndex: 11, count: 5, offset: 10 });
  });

  it("caps count at 200 and reads a negative count as 0", () => {
    expect(page("count=500").count).toBe(200);
    expect(scimPage(new URLSearchParams("count=500"), 50).count).toBe(50);
    expect(page("count=0").count).toBe(0);
    expect(page("count=-3").count).toBe(0);
  });

  it("reads a zero or negative startIndex as 1", () => {
    expect(page("startIndex=0")).toMatchObject({ startIndex: 1, offset: 0 });
    expect(page("startIndex=-7")).toMatchObject({ startIndex: 1, offset: 0 });
  });

  it("caps a huge startIndex so the offset stays in the database's range", () => {
    expect(page("startIndex=99999999999999")).toEqual({
      startIndex: 2 ** 31,
      count: 100,
      offset: 2 ** 31 - 1,
    });
  });

  it.each([
    ["startIndex", "1.5"],
    ["startIndex", "abc"],
    ["count", "ten"],
    ["count", "2.5"],
  ])("refuses a %s that is not a whole number (%s) with invalidValue", (name, raw) => {
    const refusal = refusalOf(() => page(`${name}=${raw}`));
    expect(refusal).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(refusal.message).toContain(name);
  });
});
