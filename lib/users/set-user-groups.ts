import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ForbiddenError, InvalidError } from "@/lib/errors";
import { assertMayGrant } from "@/lib/groups/delegation";
import { groupPermissionKeys } from "@/lib/groups/find-group";

/**
 * Makes the user's memberships exactly `groupIds` (the User Groups check boxes). The
 * same rules as the Group Manager: Groups→edit, and only groups whose every grant the
 * actor holds, joined or left. The caller has checked the actor may manage the user.
 */
export async function setUserGroups(
  tx: Transaction,
  actor: Actor,
  user: { id: string; userName: string },
  groupIds: string[],
) {
  const wanted = groupIds.length
    ? await tx
        .select({ id: groups.id, name: groups.name })
        .from(groups)
        .where(and(eq(groups.accountId, actor.accountId), inArray(groups.id, groupIds)))
    : [];
  if (wanted.length !== new Set(groupIds).size) {
    throw new InvalidError("Check the highlighted fields.", {
      groupIds: "One of the chosen groups no longer exists.",
    });
  }
  const current = await tx
    .select({ id: groups.id, name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(eq(groupMembers.userId, user.id));
  const added = wanted.filter((group) => !current.some((existing) => existing.id === group.id));
  const removed = current.filter((group) => !wanted.some((kept) => kept.id === group.id));
  if (added.length === 0 && removed.length === 0) return;
  assertCan(actor, "groups", "edit");
  if (user.id === actor.id) {
    throw new ForbiddenError("You cannot change your own group memberships.");
  }
  for (const group of [...added, ...removed]) {
    assertMayGrant(actor, await groupPermissionKeys(tx, group.id));
  }
  if (added.length > 0) {
    await tx
      .insert(groupMembers)
      .values(added.map((group) => ({ groupId: group.id, userId: user.id })));
  }
  if (removed.length > 0) {
    await tx.delete(groupMembers).where(
      and(
        eq(groupMembers.userId, user.id),
        inArray(
          groupMembers.groupId,
          removed.map((group) => group.id),
        ),
      ),
    );
  }
  for (const [kind, changed] of [
    ["group.member_added", added],
    ["group.member_removed", removed],
  ] as const) {
    for (const group of changed) {
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind,
        actor,
        target: user,
        details: { group: group.name },
        clientAddress: actor.clientAddress,
      });
    }
  }
}
