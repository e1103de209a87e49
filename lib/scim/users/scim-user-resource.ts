import { etagOf } from "@/lib/api/etag";
import type { UserRecord } from "@/lib/users/user-record";
import { scimUserSchema } from "../scim-schema-ids";

export type ScimGroupRef = { id: string; name: string };

/** The form's field names as SCIM attributes, so an error names what the sender wrote. */
const attributes: Record<string, string> = {
  userName: "userName",
  firstName: "name.givenName",
  lastName: "name.familyName",
  title: "title",
  alias: "nickName",
  email: "emails",
  active: "active",
  password: "password",
  newPassword: "password",
  externalId: "externalId",
};

export const scimUserAttribute = (field: string) => attributes[field] ?? field;

function displayName(user: Pick<UserRecord, "firstName" | "lastName" | "userName">) {
  return [user.firstName, user.lastName].filter(Boolean).join(" ") || user.userName;
}

/**
 * A user as SCIM shows it (RFC 7643 §4.1). Switchboard keeps one email, the primary; groups
 * are read-only here (a group's members change through /Groups); the role is not a SCIM
 * attribute: people made by an identity provider are Users, and Administrators are chosen
 * in the portal.
 */
export function toScimUser(user: UserRecord, groups: ScimGroupRef[], baseUrl: string) {
  const resource = {
    schemas: [scimUserSchema],
    id: user.id,
    ...(user.externalId !== null ? { externalId: user.externalId } : {}),
    userName: user.scimUserName ?? user.userName,
    name: {
      formatted: [user.firstName, user.lastName].filter(Boolean).join(" "),
      givenName: user.firstName,
      familyName: user.lastName,
    },
    displayName: displayName(user),
    ...(user.alias ? { nickName: user.alias } : {}),
    ...(user.title ? { title: user.title } : {}),
    emails: [{ value: user.email, type: "work", primary: true }],
    active: user.active,
    groups: groups.map((group) => ({
      value: group.id,
      display: group.name,
      $ref: `${baseUrl}/Groups/${group.id}`,
    })),
    meta: {
      resourceType: "User",
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
    },
  };
  const version = etagOf(resource);
  return { ...resource, meta: { ...resource.meta, version } };
}
