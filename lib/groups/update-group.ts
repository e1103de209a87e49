import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groups } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountGroup, groupPermissionKeys } from "./find-group";
import { assertMayChangeGroup } from "./group-guard";
import { assertGroupNameFree, rethrowGroupNameTaken } from "./group-name";
import { saveGroupPermissions } from "./save-group-permissions";
import type { GroupInput } from "./schemas";

export async function updateGroup({
  actor,
  groupId,
  input,
}: {
  actor: Actor;
  groupId: string;
  input: GroupInput;
}) {
  assertCan(actor, "groups", "edit");
  try {
    return await getDb().transaction(async (tx) => {
      const before = await findAccountGroup(tx, actor.accountId, groupId);
      const previous = await groupPermissionKeys(tx, before.id);
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
