import "server-only";
import { getDb } from "@/db/client";
import type { Group } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { PermissionKey } from "@/lib/auth/modules";
import { PreconditionFailedError } from "@/lib/errors";
import { updateGroup } from "@/lib/groups/update-group";
import { changeScimGroupMembers } from "./change-scim-group-members";
import type { ScimGroupFields } from "./scim-group-fields";
import { assertAccountUsers } from "./scim-group-members";
import { setGroupExternalId } from "./set-group-external-id";

export type ApplyScimGroupChangesOptions = {
  actor: Actor;
  /** The group as read before the request's changes, with what it grants and its members. */
  before: Group & { permissions: PermissionKey[]; memberIds: string[] };
  /** What the request sets; absent attributes stay as they are. `members` is the full list. */
  changes: ScimGroupFields;
};

const sameKeys = (a: PermissionKey[], b: PermissionKey[]) =>
  a.length === b.length && a.every((key) => b.includes(key));

/**
 * Makes a group what a PUT or PATCH asks for, through the group services (so permissions,
 * delegation and activity are theirs). Member ids are checked before anything is written,
 * so a request naming an unknown user changes nothing.
 */
export async function applyScimGroupChanges({
  actor,
  before,
  changes,
}: ApplyScimGroupChangesOptions): Promise<void> {
  const current = new Set(before.memberIds);
  const wanted = new Set(changes.members ?? before.memberIds);
  const add = [...wanted].filter((id) => !current.has(id));
  const remove = [...current].filter((id) => !wanted.has(id));
  await assertAccountUsers(getDb(), actor.accountId, add);
  if (changes.displayName !== undefined && changes.displayName !== before.name) {
    await updateGroup({
      actor,
      groupId: before.id,
      // SCIM knows only the name: the description and grants are written back as read…
      input: {
        name: changes.displayName,
        description: before.description,
        permissions: before.permissions,
      },
      // …so a portal save that changed them since must not be undone by this rename.
      precondition: (stored) => {
        if (
          stored.description !== before.description ||
          !sameKeys(stored.permissions, before.permissions)
        ) {
          throw new PreconditionFailedError();
        }
      },
    });
  }
  if (changes.externalId !== undefined && changes.externalId !== before.externalId) {
    await setGroupExternalId({ actor, groupId: before.id, externalId: changes.externalId });
  }
  await changeScimGroupMembers({ actor, groupId: before.id, add, remove });
}
