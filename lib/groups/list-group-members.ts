import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/uuid";
import { findAccountGroup } from "./find-group";

/** What a group's member list shows of each member. */
export const groupMemberColumns = {
  id: users.id,
  userName: users.userName,
  firstName: users.firstName,
  lastName: users.lastName,
  color: users.color,
  active: users.active,
};

export type ListGroupMembersOptions = {
  actor: Actor;
  groupId: string;
  /** The id of the last member already read: the list goes on after it. */
  after?: string;
  limit: number;
};

/**
 * One page of a group's members in user id order: the membership key's own index, so a
 * page of a group of 100k members costs what a page of a small one does.
 */
export async function listGroupMembers({ actor, groupId, after, limit }: ListGroupMembersOptions) {
  assertCan(actor, "groups", "view");
  const db = getDb();
  const group = await findAccountGroup(db, actor.accountId, groupId);
  const rows = await db
    .select(groupMemberColumns)
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(
      and(
        eq(groupMembers.groupId, group.id),
        isUuid(after) ? gt(groupMembers.userId, after) : undefined,
      ),
    )
    .orderBy(asc(groupMembers.userId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextAfter: rows.length > limit ? page.at(-1)?.id : undefined };
}

export type GroupMemberRow = Awaited<ReturnType<typeof listGroupMembers>>["rows"][number];
