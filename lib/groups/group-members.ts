import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { assertMayManageUser } from "@/lib/users/delegation-guard";
import { isUuid } from "@/lib/uuid";
import { assertMayGrant } from "./delegation";
import { findAccountGroup, groupPermissionKeys } from "./find-group";

/** Nobody changes their own group memberships, Administrators included. */
function assertNotSelf(actor: Actor, userId: string): void {
  if (userId === actor.id)
    throw new ForbiddenError("You cannot change your own group memberships.");
}

/** Adds a user (by user name) of the actor's account; membership grants the group's actions. */
export async function addGroupMember({
  actor,
  groupId,
  userName,
}: {
  actor: Actor;
  groupId: string;
  userName: string;
}) {
  assertCan(actor, "groups", "edit");
  return getDb().transaction(async (tx) => {
    const group = await findAccountGroup(tx, actor.accountId, groupId);
    assertMayGrant(actor, await groupPermissionKeys(tx, group.id));
    const [user] = await tx
      .select({ id: users.id, userName: users.userName, role: users.role })
      .from(users)
      .where(
        and(
          eq(users.accountId, actor.accountId),
          eq(sql`lower(${users.userName})`, userName.toLowerCase()),
        ),
      );
    if (!user) throw new NotFoundError(`There is no user named "${userName}".`);
    assertNotSelf(actor, user.id);
    await assertMayManageUser(tx, actor, user);
    const inserted = await tx
      .insert(groupMembers)
      .values({ groupId: group.id, userId: user.id })
      .onConflictDoNothing()
      .returning({ userId: groupMembers.userId });
    if (inserted.length === 0)
      throw new ConflictError(`${user.userName} is already a member.`, "userName");
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "group.member_added",
      actor,
      target: user,
      details: { group: group.name },
      clientAddress: actor.clientAddress,
    });
    return user;
  });
}

export async function removeGroupMember({
  actor,
  groupId,
  userId,
}: {
  actor: Actor;
  groupId: string;
  userId: string;
}) {
  assertCan(actor, "groups", "edit");
  return getDb().transaction(async (tx) => {
    const group = await findAccountGroup(tx, actor.accountId, groupId);
    // Taking a group away is refused like giving it: only for groups the actor could grant.
    assertMayGrant(actor, await groupPermissionKeys(tx, group.id));
    const [user] = isUuid(userId)
      ? await tx
          .select({ id: users.id, userName: users.userName, role: users.role })
          .from(users)
          .where(and(eq(users.id, userId), eq(users.accountId, actor.accountId)))
      : [];
    if (!user) throw new NotFoundError("This user is not a member of the group.");
    assertNotSelf(actor, user.id);
    await assertMayManageUser(tx, actor, user);
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.userId, user.id)))
      .returning({ userId: groupMembers.userId });
    if (removed.length === 0) throw new NotFoundError("This user is not a member of the group.");
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "group.member_removed",
      actor,
      target: user,
      details: { group: group.name },
      clientAddress: actor.clientAddress,
    });
  });
}
