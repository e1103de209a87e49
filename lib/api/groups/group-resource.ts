import { z } from "zod";
import type { Group } from "@/db/schema";
import { allPermissionKeys, type PermissionKey } from "@/lib/auth/modules";
import type { GroupMemberRow } from "@/lib/groups/list-group-members";
import type { GroupListRow } from "@/lib/groups/list-groups";
import { permissionKeySchema } from "../permissions/permission-key-schema";

/**
 * A group as the REST API shows it (GET /groups/{id}, and the answer to POST and PATCH).
 * Members are a list of their own (/groups/{id}/members), so adding one leaves the group's
 * ETag as it was.
 */
export const groupResourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    permissions: z
      .array(permissionKeySchema)
      .meta({ description: "The module actions the group grants its members." }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Group" });

export type GroupResource = z.infer<typeof groupResourceSchema>;

// In the registry's order, so the representation (and its ETag) is the same at every read.
function inRegistryOrder(keys: PermissionKey[]): PermissionKey[] {
  return allPermissionKeys.filter((key) => keys.includes(key));
}

export function toGroupResource(group: Group & { permissions: PermissionKey[] }): GroupResource {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    permissions: inRegistryOrder(group.permissions),
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  };
}

/** A row of GET /groups. */
export const groupSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    memberCount: z.number().int(),
  })
  .meta({ id: "GroupSummary" });

export function toGroupSummary(row: GroupListRow): z.infer<typeof groupSummarySchema> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: row.memberCount,
  };
}

/** A row of GET /groups/{id}/members, and the answer to POST /groups/{id}/members. */
export const groupMemberSchema = z
  .object({
    userId: z.uuid(),
    userName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    color: z.string(),
    active: z.boolean(),
  })
  .meta({ id: "GroupMember" });

export function toGroupMember(row: GroupMemberRow): z.infer<typeof groupMemberSchema> {
  return {
    userId: row.id,
    userName: row.userName,
    firstName: row.firstName,
    lastName: row.lastName,
    color: row.color,
    active: row.active,
  };
}
