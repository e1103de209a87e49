import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groups } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountGroup, groupPermissionKeys } from "./find-group";
import { assertMayChangeGroup } from "./group-guard";

/** Deletes a group; its members lose what it granted at their next request. */
export async function deleteGroup({ actor, groupId }: { actor: Actor; groupId: string }) {
  assertCan(actor, "groups", "delete");
  return getDb().transaction(async (tx) => {
    const group = await findAccountGroup(tx, actor.accountId, groupId);
    const keys = await groupPermissionKeys(tx, group.id);
    await assertMayChangeGroup(tx, actor, { groupId: group.id, keys, takesAway: keys.length > 0 });
    await tx.delete(groups).where(eq(groups.id, group.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "group.deleted",
      actor,
      targetLabel: group.name,
      targetId: group.id,
      details: { group: group.name },
      clientAddress: actor.clientAddress,
    });
    return group;
  });
}
