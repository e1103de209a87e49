import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers, groupPermissions, groups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isPermissionKey, type PermissionKey } from "@/lib/auth/modules";
import { can } from "@/lib/auth/permissions";
import { ungrantable } from "./delegation";

export type GroupChoice = {
  id: string;
  name: string;
  /**
   * False without Groups→edit, or when the group grants an action the actor does not
   * hold: they may not add or remove it.
   */
  mayChange: boolean;
};

/** The groups the User Groups check boxes offer, and which of them the user is in. */
export async function getGroupChoices({
  actor,
  userId,
}: {
  actor: Actor;
  userId?: string;
}): Promise<{ groups: GroupChoice[]; memberOf: string[] }> {
  if (!can(actor, "groups", "view")) return { groups: [], memberOf: [] };
  const db = getDb();
  const [choices, grants, memberships] = await Promise.all([
    db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.accountId, actor.accountId))
      .orderBy(asc(sql`lower(${groups.name})`)),
    db
      .select({
        groupId: groupPermissions.groupId,
        module: groupPermissions.module,
        action: groupPermissions.action,
      })
      .from(groupPermissions)
      .innerJoin(groups, eq(groups.id, groupPermissions.groupId))
      .where(eq(groups.accountId, actor.accountId)),
    userId
      ? db
          .select({ groupId: groupMembers.groupId })
          .from(groupMembers)
          .innerJoin(groups, eq(groups.id, groupMembers.groupId))
          .where(and(eq(groupMembers.userId, userId), eq(groups.accountId, actor.accountId)))
      : Promise.resolve([]),
  ]);
  const grantsByGroup = new Map<string, PermissionKey[]>();
  for (const grant of grants) {
    const key = `${grant.module}:${grant.action}`;
    if (!isPermissionKey(key)) continue;
    grantsByGroup.set(grant.groupId, [...(grantsByGroup.get(grant.groupId) ?? []), key]);
  }
  const mayEditGroups = can(actor, "groups", "edit");
  return {
    groups: choices.map((group) => ({
      ...group,
      mayChange:
        mayEditGroups && ungrantable(actor, grantsByGroup.get(group.id) ?? []).length === 0,
    })),
    memberOf: memberships.map((row) => row.groupId),
  };
}
