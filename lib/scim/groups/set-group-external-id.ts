import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groups } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { rethrowGroupNameTaken } from "@/lib/groups/group-name";
import { isUuid } from "@/lib/uuid";

export type SetGroupExternalIdOptions = {
  actor: Actor;
  groupId: string;
  /** The identity provider's id for the group; null forgets it. */
  externalId: string | null;
};

/**
 * Records an identity provider's id for a group. It grants nothing, so Groups→edit is
 * enough (no delegation check); the change is logged like a rename, so the activity shows
 * when a group was linked to a provider.
 */
export async function setGroupExternalId({
  actor,
  groupId,
  externalId,
}: SetGroupExternalIdOptions): Promise<void> {
  assertCan(actor, "groups", "edit");
  if (!isUuid(groupId)) throw new NotFoundError("This group does not exist.");
  try {
    await getDb().transaction(async (tx) => {
      const scope = and(eq(groups.id, groupId), eq(groups.accountId, actor.accountId));
      const [before] = await tx
        .select({ externalId: groups.externalId })
        .from(groups)
        .where(scope)
        .for("update");
      if (!before) throw new NotFoundError("This group does not exist.");
      if (before.externalId === externalId) return;
      const [after] = await tx
        .update(groups)
        .set({ externalId, updatedAt: new Date() })
        .where(scope)
        .returning({ id: groups.id, name: groups.name });
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "group.updated",
        actor,
        targetLabel: after!.name,
        targetId: after!.id,
        details: {
          group: after!.name,
          changes: [{ field: "externalId", before: before.externalId, after: externalId }],
          added: [],
          removed: [],
        },
        clientAddress: actor.clientAddress,
      });
    });
  } catch (error) {
    rethrowGroupNameTaken(error);
  }
}
