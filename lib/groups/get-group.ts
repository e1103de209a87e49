import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountGroup, groupPermissionKeys } from "./find-group";
import { type GroupMemberRow, groupMemberColumns } from "./list-group-members";

export type GetGroupOptions = {
  actor: Actor;
  groupId: string;
  /** False leaves `members` empty: the REST API pages them (list-group-members.ts). */
  withMembers?: boolean;
};

/** One group with its members and the actions it grants. */
export async function getGroup({ actor, groupId, withMembers = true }: GetGroupOptions) {
  assertCan(actor, "groups", "view");
  const db = getDb();
  const group = await findAccountGroup(db, actor.accountId, groupId);
  const [members, permissions] = await Promise.all([
    withMembers
      ? db
          .select(groupMemberColumns)
          .from(groupMembers)
          .innerJoin(users, eq(users.id, groupMembers.userId))
          .where(eq(groupMembers.groupId, group.id))
          .orderBy(asc(sql`lower(${users.userName})`))
      : Promise.resolve<GroupMemberRow[]>([]),
    groupPermissionKeys(db, group.id),
  ]);
  return { ...group, members, permissions };
}
