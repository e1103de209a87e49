import { describe, expect, it } from "vitest";
import { ScimError } from "../scim-error";
import { patchOperations } from "../scim-patch";
import { groupPatchChanges } from "./scim-group-patch";

const a = "0a000000-0000-4000-8000-00000000000a";
const b = "0b000000-0000-4000-8000-00000000000b";
const c = "0c000000-0000-4000-8000-00000000000c";

const changes = (operations: unknown[], current: string[] = [a, b]) =>
  groupPatchChanges(patchOperations({ Operations: operations }), current);

describe("groupPatchChanges", () => {
  it("applies member operations in order to the current members", () => {
    expect(
      changes([
        { op: "add", path: "members", value: [{ value: c.toUpperCase() }] },
        { op: "remove", path: `members[value eq "${a}"]` },
      ]).members,
    ).toEqual([b, c]);
    expect(changes([{ op: "remove", path: "members" }]).members).toEqual([]);
    expect(changes([{ op: "replace", path: "members", value: [{ value: c }] }]).members).toEqual([
      c,
    ]);
    expect(changes([{ op: "remove", path: "members", value: [{ value: b }] }]).members).toEqual([
      a,
    ]);
  });

  it("reads path-less values and the core URN, and leaves members alone when not named", () => {
    expect(
      changes([
        { op: "replace", value: { id: a, displayName: " Sales ", externalId: "e1" } },
        {
          op: "replace",
          path: "urn:ietf:params:scim:schemas:core:2.0:Group:externalId",
          value: "e2",
        },
      ]),
    ).toEqual({ displayName: "Sales", externalId: "e2" });
    expect(changes([{ op: "remove", path: "externalId" }])).toEqual({ externalId: null });
  });

  it("refuses what it cannot do rather than guessing", () => {
    const scimType = (operations: unknown[]) => {
      try {
        changes(operations);
      } catch (error) {
        return error instanceof ScimError ? error.scimType : "other";
      }
      return "accepted";
    };
    expect(scimType([{ op: "remove", path: "displayName" }])).toBe("mutability");
    expect(scimType([{ op: "add", path: `members[value eq "${a}"]`, value: {} }])).toBe(
      "invalidPath",
    );
    expect(scimType([{ op: "remove", path: `members[display eq "x"]` }])).toBe("invalidFilter");
    expect(scimType([{ op: "remove", path: `members[value eq "${a}"].display` }])).toBe(
      "invalidPath",
    );
    expect(scimType([{ op: "add", path: "members", value: [{ value: a, type: "Group" }] }])).toBe(
      "invalidValue",
    );
  });
});
