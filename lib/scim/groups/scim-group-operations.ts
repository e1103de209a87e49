import "server-only";
import { getDb } from "@/db/client";
import { assertIfMatch } from "@/lib/api/etag";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { createGroup } from "@/lib/groups/create-group";
import { deleteGroup } from "@/lib/groups/delete-group";
import { getGroup } from "@/lib/groups/get-group";
import { patchOperations } from "../scim-patch";
import { applyScimGroupChanges } from "./apply-scim-group-changes";
import { changeScimGroupMembers } from "./change-scim-group-members";
import { scimGroupFields } from "./scim-group-fields";
import { assertAccountUsers, membersOfGroups } from "./scim-group-members";
import { groupPatchChanges } from "./scim-group-patch";
import { type ScimGroup, toScimGroup } from "./scim-group-resource";

// The five operations of /api/scim/v2/Groups (RFC 7644 §3.3–3.6), on the group services.

type GroupCall = { actor: Actor; groupId: string; baseUrl: string };
/** The request's If-Match header (null: the write is unconditional). */
type Conditional = { ifMatch: string | null };

/** The group with its grants and members, and the SCIM resource (with its version) they make. */
async function readScimGroup({ actor, groupId, baseUrl }: GroupCall) {
  const group = await getGroup({ actor, groupId, withMembers: false });
  const members = (await membersOfGroups(getDb(), [group.id])).get(group.id) ?? [];
  return {
    before: { ...group, memberIds: members.map((member) => member.id) },
    resource: toScimGroup(group, members, baseUrl),
  };
}

/** GET; `withMembers` false (excludedAttributes=members) reads no members and gives no version. */
export async function getScimGroup({
  withMembers = true,
  ...call
}: GroupCall & { withMembers?: boolean }): Promise<ScimGroup> {
  if (withMembers) return (await readScimGroup(call)).resource;
  const group = await getGroup({ actor: call.actor, groupId: call.groupId, withMembers: false });
  return toScimGroup(group, undefined, call.baseUrl);
}

/** POST: a group that grants nothing (permissions are chosen in the portal), with its members. */
export async function createScimGroup({
  actor,
  body,
  baseUrl,
}: {
  actor: Actor;
  body: Record<string, unknown>;
  baseUrl: string;
}): Promise<ScimGroup> {
  const fields = scimGroupFields(body);
  // Refused before the group exists, rather than leaving it made without its members.
  if (fields.members.length > 0) assertCan(actor, "groups", "edit");
  await assertAccountUsers(getDb(), actor.accountId, fields.members);
  const group = await createGroup({
    actor,
    input: { name: fields.displayName, description: "", permissions: [] },
    externalId: fields.externalId ?? undefined,
  });
  await changeScimGroupMembers({ actor, groupId: group.id, add: fields.members, remove: [] });
  return getScimGroup({ actor, groupId: group.id, baseUrl });
}

/** PUT: the name, the externalId when sent, and exactly the members sent. */
export async function replaceScimGroup({
  body,
  ifMatch,
  ...call
}: GroupCall & Conditional & { body: Record<string, unknown> }): Promise<ScimGroup> {
  assertCan(call.actor, "groups", "edit");
  const changes = scimGroupFields(body);
  const { before, resource } = await readScimGroup(call);
  assertIfMatch(ifMatch, resource.meta.version ?? "");
  await applyScimGroupChanges({ actor: call.actor, before, changes });
  return getScimGroup(call);
}

/** PATCH: the operations applied in order to the group as read. */
export async function patchScimGroup({
  body,
  ifMatch,
  ...call
}: GroupCall & Conditional & { body: Record<string, unknown> }): Promise<ScimGroup> {
  assertCan(call.actor, "groups", "edit");
  const operations = patchOperations(body);
  const { before, resource } = await readScimGroup(call);
  assertIfMatch(ifMatch, resource.meta.version ?? "");
  const changes = groupPatchChanges(operations, before.memberIds);
  await applyScimGroupChanges({ actor: call.actor, before, changes });
  return getScimGroup(call);
}

/** DELETE; with If-Match, only the version named. */
export async function deleteScimGroup({ ifMatch, ...call }: GroupCall & Conditional) {
  if (ifMatch !== null) {
    assertIfMatch(ifMatch, (await readScimGroup(call)).resource.meta.version ?? "");
  }
  await deleteGroup({ actor: call.actor, groupId: call.groupId });
}
