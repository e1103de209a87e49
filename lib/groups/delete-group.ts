import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groups } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { assertMayGrant } from "./delegation";
import { findAccountGroup, groupPermissionKeys } from "./find-group";

/** Deletes a group; its members lose what it granted at their next request. */
export async function deleteGroup({ actor, groupId }: { actor: Actor; groupId: string }) {
  assertCan(actor, "groups", "delete");
  return getDb().transaction(async (tx) => {
    const group = await findAccountGroup(tx, actor.accountId, groupId);
    // Deleting takes the group's grants from its members: only for groups the actor could grant.
    assertMayGrant(actor, await groupPermissionKeys(tx, group.id));
    await tx.delete(groups).where(eq(groups.id, group.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "group.deleted",
      actor,
      targetLabel: group.name,
      details: { group: group.name },
      clientAddress: actor.clientAddress,
    });
    return group;
  });
}
