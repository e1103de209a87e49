import type { Group } from "@/db/schema";
import { etagOf } from "@/lib/api/etag";

export const scimGroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** A member as a SCIM group lists it: the user's id and user name. */
export type ScimMember = { id: string; userName: string };

/** The group services' field names as SCIM attributes, so an error names what the sender wrote. */
const attributes: Record<string, string> = {
  name: "displayName",
  externalId: "externalId",
  userId: "members",
  userName: "members",
};

export const scimGroupAttribute = (field: string) => attributes[field] ?? field;

export type ScimGroup = {
  schemas: string[];
  id: string;
  externalId?: string;
  displayName: string;
  members?: { value: string; display: string; type: "User"; $ref: string }[];
  meta: {
    resourceType: "Group";
    created: string;
    lastModified: string;
    location: string;
    version?: string;
  };
};

/**
 * A group as SCIM shows it (RFC 7643 §4.2). Description and permissions are Switchboard's
 * own and stay in the portal. `members` undefined (excludedAttributes=members) leaves the
 * attribute out, and the version with it: a version stands for the whole resource, so
 * If-Match can be checked against it.
 */
export function toScimGroup(
  group: Pick<Group, "id" | "name" | "externalId" | "createdAt" | "updatedAt">,
  members: ScimMember[] | undefined,
  baseUrl: string,
): ScimGroup {
  const resource: ScimGroup = {
    schemas: [scimGroupSchema],
    id: group.id,
    ...(group.externalId !== null ? { externalId: group.externalId } : {}),
    displayName: group.name,
    ...(members
      ? {
          members: members.map((member) => ({
            value: member.id,
            display: member.userName,
            type: "User",
            $ref: `${baseUrl}/Users/${member.id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${group.id}`,
    },
  };
  if (!members) return resource;
  return { ...resource, meta: { ...resource.meta, version: etagOf(resource) } };
}

/**
 * Whether the request leaves members out (RFC 7644 §3.4.2.5): `excludedAttributes=members`,
 * as Entra ID asks, or an `attributes` list that does not name them.
 */
export function membersLeftOut(query: URLSearchParams): boolean {
  const names = (parameter: string) =>
    (query.get(parameter) ?? "")
      .split(",")
      .map((name) =>
        name
          .trim()
          .toLowerCase()
          .replace(/^urn:ietf:params:scim:schemas:core:2\.0:group:/, ""),
      )
      .filter(Boolean);
  if (names("excludedAttributes").includes("members")) return true;
  const wanted = names("attributes");
  return wanted.length > 0 && !wanted.includes("members");
}
