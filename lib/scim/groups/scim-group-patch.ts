import { ScimError } from "../scim-error";
import { parseScimFilter } from "../scim-filter";
import { type PatchOperation, patchPath } from "../scim-patch";
import { externalIdOf, groupName, memberIds } from "./scim-group-fields";

export type GroupPatchChanges = {
  displayName?: string;
  externalId?: string | null;
  /** The members after the operations (lower-cased ids); absent when none touched them. */
  members?: string[];
};

/** `members[value eq "<id>"]`: the one member a remove names. */
function filteredMember(target: string): string {
  const inner = /^members\[(.*)\]$/.exec(target)?.[1] ?? "";
  const comparisons = parseScimFilter(inner, ["value"]);
  const [only] = comparisons;
  if (comparisons.length !== 1 || only?.operator !== "eq" || typeof only.value !== "string") {
    throw new ScimError(400, 'Name one member: members[value eq "<user id>"].', "invalidFilter");
  }
  return only.value.trim().toLowerCase();
}

function text(attribute: string, value: unknown): string {
  if (typeof value === "string") return value;
  throw new ScimError(400, `${attribute} must be a string.`, "invalidValue");
}

/**
 * What a PATCH changes of a group (RFC 7644 §3.5.2), in the forms Okta and Entra ID send,
 * applied in order to `currentMembers`: add, replace or remove `members` with a list of
 * { value }, remove all members (no value), remove one by `members[value eq "<id>"]`, and
 * replace displayName or externalId. Attributes Switchboard does not keep (id, which Okta
 * repeats in a path-less replace, among them) are ignored, as for users.
 */
export function groupPatchChanges(
  operations: PatchOperation[],
  currentMembers: string[],
): GroupPatchChanges {
  const changes: GroupPatchChanges = {};
  let members: Set<string> | undefined;
  for (const { op, path = "", value } of operations) {
    const target = patchPath(path);
    if (target === "displayname") {
      if (op === "remove") throw new ScimError(400, "displayName cannot be removed.", "mutability");
      changes.displayName = groupName(text("displayName", value));
    } else if (target === "externalid") {
      changes.externalId = op === "remove" ? null : externalIdOf(value);
    } else if (target === "members") {
      members ??= new Set(currentMembers);
      const ids = memberIds(value);
      if (op === "replace" || (op === "remove" && value == null)) members.clear();
      for (const id of ids) {
        if (op === "remove") members.delete(id);
        else members.add(id);
      }
    } else if (target.startsWith("members[") && target.endsWith("]")) {
      if (op !== "remove") {
        throw new ScimError(
          400,
          `${op} members with a list of { value }, not a filter.`,
          "invalidPath",
        );
      }
      members ??= new Set(currentMembers);
      members.delete(filteredMember(target));
    } else if (target.startsWith("members")) {
      throw new ScimError(400, `The path "${path}" is not supported.`, "invalidPath");
    }
  }
  if (members) changes.members = [...members];
  return changes;
}
