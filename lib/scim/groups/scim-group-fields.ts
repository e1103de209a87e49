import { z } from "zod";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { groupFormSchema } from "@/lib/groups/schemas";
import { checkedExternalId } from "../external-id";
import { lowerKeys } from "../lower-keys";
import { ScimError } from "../scim-error";

/** What Switchboard keeps of a SCIM group: its name, the provider's id, its members' ids. */
export type ScimGroupFields = {
  displayName?: string;
  externalId?: string | null;
  members?: string[];
};

function text(attribute: string, value: unknown): string {
  if (typeof value === "string") return value;
  throw new ScimError(400, `${attribute} must be a string.`, "invalidValue");
}

/** A displayName checked as the Group form checks a name (trimmed, 1 to 80 characters). */
export function groupName(displayName: string): string {
  return parseApiInput(z.object({ name: groupFormSchema.shape.name }), { name: displayName }).name;
}

export function externalIdOf(value: unknown): string | null {
  if (value === null) return null;
  const externalId = text("externalId", value);
  // An empty id identifies nothing; it clears the attribute as null does.
  return externalId.trim() === "" ? null : (checkedExternalId(externalId) ?? null);
}

/**
 * The user ids of a `members` value: a list of { value, display, type, $ref } (one such
 * object is read as a list of one). Ids are lower-cased, so the same user sent in another
 * letter case is one member; a nested group (type "Group") is refused: groups hold users.
 */
export function memberIds(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const entries = Array.isArray(value) ? value : [value];
  const ids = entries.map((raw) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new ScimError(400, "members must be a list of { value: <user id> }.", "invalidValue");
    }
    const entry = lowerKeys(raw);
    if (typeof entry.type === "string" && entry.type.toLowerCase() !== "user") {
      throw new ScimError(400, "members: a group holds users only, not groups.", "invalidValue");
    }
    return text("members.value", entry.value).trim().toLowerCase();
  });
  return [...new Set(ids)];
}

/**
 * Reads a POST or PUT body. Attributes Switchboard does not keep are ignored, as RFC 7644
 * lets a service provider do; displayName is required.
 */
export function scimGroupFields(
  body: unknown,
): ScimGroupFields & { displayName: string; members: string[] } {
  const source = lowerKeys(body);
  if (source.displayname === undefined) {
    throw new ScimError(400, "displayName is required.", "invalidValue");
  }
  return {
    displayName: groupName(text("displayName", source.displayname)),
    ...(source.externalid !== undefined ? { externalId: externalIdOf(source.externalid) } : {}),
    members: memberIds(source.members),
  };
}
