import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type Group, groups } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import type { PermissionKey } from "@/lib/auth/modules";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountGroup, groupPermissionKeys } from "./find-group";
import { assertMayChangeGroup } from "./group-guard";
import { assertGroupNameFree, rethrowGroupNameTaken } from "./group-name";
import { saveGroupPermissions } from "./save-group-permissions";
import type { GroupInput } from "./schemas";

export type UpdateGroupOptions = {
  actor: Actor;
  groupId: string;
  input: GroupInput;
  /**
   * Checks the stored group and its grants inside the write's transaction, before anything
   * changes (the REST API's If-Match: throwing refuses the write).
   */
  precondition?: (before: Group & { permissions: PermissionKey[] }) => void;
};

export async function updateGroup({ actor, groupId, input, precondition }: UpdateGroupOptions) {
  assertCan(actor, "groups", "edit");
  try {
    return await getDb().transaction(async (tx) => {
      // Two saves of one group would otherwise both start from the same grants.
      await lockAccount(tx, actor.accountId);
      const before = await findAccountGroup(tx, actor.accountId, groupId);
      const previous = await groupPermissionKeys(tx, before.id);
      precondition?.({ ...before, permissions: previous });
      await assertMayChangeGroup(tx, actor, {
        groupId: before.id,
        keys: [...new Set([...previous, ...input.permissions])],
        takesAway: previous.some((key) => !input.permissions.includes(key)),
      });
      await assertGroupNameFree(tx, actor.accountId, input.name, before.id);
      const [after] = await tx
        .update(groups)
        .set({ name: input.name, description: input.description, updatedAt: new Date() })
        .where(eq(groups.id, before.id))
        .returning();
      const { added, removed } = await saveGroupPermissions(
        tx,
        before.id,
        previous,
        input.permissions,
      );
      const changes = [
        ...(before.name !== after!.name
          ? [{ field: "name", before: before.name, after: after!.name }]
          : []),
        ...(before.description !== after!.description
          ? [{ field: "description", before: before.description, after: after!.description }]
          : []),
      ];
      if (changes.length > 0 || added.length > 0 || removed.length > 0) {
        await recordActivity(tx, {
          accountId: actor.accountId,
          kind: "group.updated",
          actor,
          targetLabel: after!.name,
          targetId: after!.id,
          details: { group: after!.name, changes, added, removed },
          clientAddress: actor.clientAddress,
        });
      }
      return after!;
    });
  } catch (error) {
    rethrowGroupNameTaken(error);
  }
}
