import { describe, expect, it } from "vitest";
import { ScimError } from "./scim-error";
import { type PatchOperation, patchOperations, patchPath } from "./scim-patch";
import { userPatchChanges } from "./users/scim-user-patch";

const patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

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

const body = (...Operations: unknown[]) => ({ schemas: [patchOp], Operations });

describe("patchOperations", () => {
  it("reads op in any letter case, as Entra ID sends Replace", () => {
    expect(
      patchOperations(
        body(
          { op: "Replace", path: "active", value: "False" },
          { op: "ADD", path: "title", value: "Engineer" },
          { op: "remove", path: "nickName" },
        ),
      ),
    ).toEqual([
      { op: "replace", path: "active", value: "False" },
      { op: "add", path: "title", value: "Engineer" },
      { op: "remove", path: "nickName", value: undefined },
    ]);
  });

  it("reads the body's and each operation's keys in any letter case", () => {
    expect(
      patchOperations({ operations: [{ OP: "replace", PATH: "title", VALUE: "Engineer" }] }),
    ).toEqual([{ op: "replace", path: "title", value: "Engineer" }]);
  });

  it("expands a path-less value object into one operation per key, as Okta sends them", () => {
    expect(
      patchOperations(
        body({
          op: "replace",
          value: { active: false, name: { givenName: "Ada" }, "name.familyName": "Lovelace" },
        }),
      ),
    ).toEqual([
      { op: "replace", path: "active", value: false },
      { op: "replace", path: "name", value: { givenName: "Ada" } },
      { op: "replace", path: "name.familyName", value: "Lovelace" },
    ]);
  });

  it("refuses a remove without a path with noTarget", () => {
    const refusal = refusalOf(() => patchOperations(body({ op: "remove" })));
    expect(refusal).toMatchObject({ status: 400, scimType: "noTarget" });
  });

  it("refuses a path-less add or replace whose value is not an object", () => {
    for (const value of ["Ada", null, [{ active: false }], undefined]) {
      const refusal = refusalOf(() => patchOperations(body({ op: "replace", value })));
      expect(refusal).toMatchObject({ status: 400, scimType: "invalidValue" });
    }
  });

  it("refuses an op other than add, replace or remove", () => {
    for (const op of ["move", "", 3, undefined]) {
      const refusal = refusalOf(() => patchOperations(body({ op, path: "title", value: "x" })));
      expect(refusal).toMatchObject({ status: 400, scimType: "invalidSyntax" });
    }
  });

  it("refuses a path that is not text", () => {
    for (const path of ["", "  ", 7, null]) {
      const refusal = refusalOf(() => patchOperations(body({ op: "replace", path, value: "x" })));
      expect(refusal).toMatchObject({ status: 400, scimType: "invalidPath" });
    }
  });

  it("refuses a body with missing, empty or non-list Operations", () => {
    for (const source of [{ schemas: [patchOp] }, body(), { Operations: { op: "replace" } }]) {
      const refusal = refusalOf(() => patchOperations(source));
      expect(refusal).toMatchObject({ status: 400, scimType: "invalidSyntax" });
    }
  });

  it("takes 1000 operations and refuses 1001 with tooMany", () => {
    const operation = { op: "replace", path: "title", value: "x" };
    expect(patchOperations(body(...Array(1000).fill(operation)))).toHaveLength(1000);
    const refusal = refusalOf(() => patchOperations(body(...Array(1001).fill(operation))));
    expect(refusal).toMatchObject({ status: 400, scimType: "tooMany" });
  });
});

describe("patchPath", () => {
  it("lower-cases a path and strips the core schema's URN in any letter case", () => {
    expect(patchPath(" name.givenName ")).toBe("name.givenname");
    expect(patchPath("urn:ietf:params:scim:schemas:core:2.0:User:userName")).toBe("username");
    expect(patchPath("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:title")).toBe("title");
  });
});

describe("userPatchChanges", () => {
  const replace = (path: string, value: unknown): PatchOperation => ({
    op: "replace",
    path,
    value,
  });
  const remove = (path: string): PatchOperation => ({ op: "remove", path });
  const changesOf = (...operations: PatchOperation[]) => userPatchChanges(operations);

  it("changes the user name", () => {
    expect(changesOf(replace("userName", "ada@example.com"))).toEqual({
      userName: "ada@example.com",
    });
    expect(
      changesOf(replace("urn:ietf:params:scim:schemas:core:2.0:User:userName", "ada")),
    ).toEqual({ userName: "ada" });
  });

  it("changes first and last names through name, or each through its sub-attribute", () => {
    expect(changesOf(replace("name", { givenName: "Ada", familyName: "Lovelace" }))).toEqual({
      firstName: "Ada",
      lastName: "Lovelace",
    });
    expect(changesOf(replace("name", { givenName: "Ada" }))).toEqual({ firstName: "Ada" });
    expect(changesOf(replace("name.givenName", "Grace"))).toEqual({ firstName: "Grace" });
    expect(changesOf({ op: "add", path: "name.familyName", value: "Hopper" })).toEqual({
      lastName: "Hopper",
    });
  });

  it("clears names, title and nickName on remove", () => {
    expect(changesOf(remove("name"))).toEqual({ firstName: "", lastName: "" });
    expect(changesOf(remove("name.givenName"), remove("name.familyName"))).toEqual({
      firstName: "",
      lastName: "",
    });
    expect(changesOf(remove("title"), remove("nickName"))).toEqual({ title: "", alias: "" });
  });

  it("changes title and nickName (the alias)", () => {
    expect(changesOf(replace("title", "Engineer"), replace("nickName", "Countess"))).toEqual({
      title: "Engineer",
      alias: "Countess",
    });
  });

  it("sets the externalId, and clears it on remove or null", () => {
    expect(changesOf(replace("externalId", "00u1"))).toEqual({ externalId: "00u1" });
    expect(changesOf(remove("externalId"))).toEqual({ externalId: null });
    expect(changesOf(replace("externalId", null))).toEqual({ externalId: null });
  });

  it("reads active from a boolean or the strings Entra ID sends", () => {
    expect(changesOf(replace("active", false))).toEqual({ active: false });
    expect(changesOf(replace("active", true))).toEqual({ active: true });
    expect(changesOf(replace("active", "False"))).toEqual({ active: false });
    expect(changesOf(replace("active", "TRUE"))).toEqual({ active: true });
    const refusal = refusalOf(() => changesOf(replace("active", "no")));
    expect(refusal).toMatchObject({ status: 400, scimType: "invalidValue" });
  });

  it("changes the password", () => {
    expect(changesOf(replace("password", "a new passphrase"))).toEqual({
      password: "a new passphrase",
    });
  });

  it("takes the primary address of an emails list, or a single email object", () => {
    expect(
      changesOf(
        replace("emails", [
          { value: "home@example.com", type: "home" },
          { value: "work@example.com", type: "work", primary: true },
        ]),
      ),
    ).toEqual({ email: "work@example.com" });
    expect(changesOf({ op: "add", path: "emails", value: { value: "one@example.com" } })).toEqual({
      email: "one@example.com",
    });
    expect(changesOf(replace("emails", []))).toEqual({});
  });

  it("changes the email through a value path, with or without a value filter", () => {
    expect(changesOf(replace('emails[type eq "work"].value', "a@b.c"))).toEqual({
      email: "a@b.c",
    });
    expect(changesOf(replace("emails.value", "d@e.f"))).toEqual({ email: "d@e.f" });
  });

  it("lets a later operation on the same attribute win", () => {
    expect(changesOf(replace("title", "First"), replace("title", "Second"))).toEqual({
      title: "Second",
    });
  });

  it("ignores attributes Switchboard does not keep", () => {
    expect(
      changesOf(
        replace("locale", "en-GB"),
        replace("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "R&D"),
        replace("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", {
          employeeNumber: "42",
        }),
        replace('phoneNumbers[type eq "work"].value', "+1 555 0100"),
        remove("displayName"),
      ),
    ).toEqual({});
  });

  it.each([
    ["userName", "userName"],
    ["active", "active"],
    ["password", "password"],
    ["emails", "emails"],
    ['emails[type eq "work"].value', "emails"],
    ["emails.value", "emails"],
  ])("refuses to remove %s with mutability", (path, attribute) => {
    const refusal = refusalOf(() => changesOf(remove(path)));
    expect(refusal).toMatchObject({ status: 400, scimType: "mutability" });
    expect(refusal.message).toContain(attribute);
  });

  it("refuses a kept attribute sent with the wrong type, naming it", () => {
    for (const [path, value, attribute] of [
      ["userName", 42, "userName"],
      ["name.givenName", ["Ada"], "name.givenName"],
      ["title", true, "title"],
      ["externalId", 7, "externalId"],
      ["emails", "ada@example.com", "emails"],
    ] as const) {
      const refusal = refusalOf(() => changesOf(replace(path, value)));
      expect(refusal).toMatchObject({ status: 400, scimType: "invalidValue" });
      expect(refusal.message).toContain(attribute);
    }
  });
});
