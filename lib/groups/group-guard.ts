import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { groupMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { PermissionKey } from "@/lib/auth/modules";
import { ForbiddenError } from "@/lib/errors";
import { assertMayManageUsers } from "@/lib/users/delegation-guard";
import { assertMayGrant } from "./delegation";

export type AssertMayChangeGroupOptions = {
  groupId: string;
  /** Every action the group grants, before and after the change. */
  keys: PermissionKey[];
  /** Whether the change takes actions away from the members (removing some, deleting). */
  takesAway: boolean;
};

/**
 * A non-Administrator changes a group (its name too: a renamed "Finance" misleads) only
 * when they hold every action it grants. Taking actions away reaches every member, so
 * it needs each member to be someone the actor may manage, and never the actor's own
 * group: nobody changes their own permissions.
 */
export async function assertMayChangeGroup(
  tx: Transaction,
  actor: Actor,
  { groupId, keys, takesAway }: AssertMayChangeGroupOptions,
): Promise<void> {
  if (actor.role === "administrator") return;
  assertMayGrant(actor, keys);
  if (!takesAway) return;
  const members = await tx
    .select({ id: users.id, role: users.role, userName: users.userName })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(eq(groupMembers.groupId, groupId));
  if (members.some((member) => member.id === actor.id)) {
    throw new ForbiddenError(
      "You cannot take actions away from a group you belong to: that would change your own permissions.",
    );
  }
  await assertMayManageUsers(tx, actor, members);
}
