import "server-only";
import { getDb } from "@/db/client";
import { groups } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { assertMayGrant } from "./delegation";
import { assertGroupNameFree, rethrowGroupNameTaken } from "./group-name";
import { saveGroupPermissions } from "./save-group-permissions";
import type { GroupInput } from "./schemas";

export type CreateGroupOptions = {
  actor: Actor;
  input: GroupInput;
  /** An identity provider's id for the group (SCIM), unique in the account. */
  externalId?: string;
};

export async function createGroup({ actor, input, externalId }: CreateGroupOptions) {
  assertCan(actor, "groups", "create");
  assertMayGrant(actor, input.permissions);
  try {
    return await getDb().transaction(async (tx) => {
      await assertGroupNameFree(tx, actor.accountId, input.name);
      const [group] = await tx
        .insert(groups)
        .values({
          accountId: actor.accountId,
          name: input.name,
          description: input.description,
          externalId: externalId ?? null,
        })
        .returning();
      await saveGroupPermissions(tx, group!.id, [], input.permissions);
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "group.created",
        actor,
        targetLabel: group!.name,
        targetId: group!.id,
        details: { group: group!.name, permissions: input.permissions },
        clientAddress: actor.clientAddress,
      });
      return group!;
    });
  } catch (error) {
    rethrowGroupNameTaken(error);
  }
}
