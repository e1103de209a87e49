import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { addGroupMember, removeGroupMember } from "@/lib/groups/group-members";

export type ChangeScimGroupMembersOptions = {
  actor: Actor;
  groupId: string;
  add: string[];
  remove: string[];
};

/**
 * Adds and removes members one by one through the group services, so each change is
 * checked (delegation, nobody changes their own memberships) and logged like one made in
 * the portal. An identity provider repeats itself: adding a member already there, or
 * removing one already gone, is no error.
 */
export async function changeScimGroupMembers({
  actor,
  groupId,
  add,
  remove,
}: ChangeScimGroupMembersOptions): Promise<void> {
  for (const userId of remove) {
    try {
      await removeGroupMember({ actor, groupId, userId });
    } catch (error) {
      // Already gone (a concurrent removal). Were the group gone, the answer's read says so.
      if (error instanceof NotFoundError) continue;
      throw error;
    }
  }
  for (const userId of add) {
    try {
      await addGroupMember({ actor, groupId, userId });
    } catch (error) {
      if (error instanceof ConflictError && error.field === "userId") continue;
      throw error;
    }
  }
}
