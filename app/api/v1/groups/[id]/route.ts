import { apiJson, apiRoute } from "@/lib/api/api-route";
import { assertIfMatch, etagOf } from "@/lib/api/etag";
import { updateGroupBodySchema, updateGroupInput } from "@/lib/api/groups/group-bodies";
import { toGroupResource } from "@/lib/api/groups/group-resource";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { deleteGroup } from "@/lib/groups/delete-group";
import { getGroup } from "@/lib/groups/get-group";
import { updateGroup } from "@/lib/groups/update-group";

type Params = { id: string };

// GET /api/v1/groups/{id}: tokens whose owner may view groups.
export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const group = toGroupResource(await getGroup({ actor, groupId: params.id, withMembers: false }));
  return apiJson(group, { etag: etagOf(group) });
});

// PATCH /api/v1/groups/{id}: tokens whose owner may edit groups (and hand out what it grants).
export const PATCH = apiRoute<Params>(async ({ actor, params, body, request }) => {
  const changes = parseApiInput(updateGroupBodySchema, body());
  const before = await getGroup({ actor, groupId: params.id, withMembers: false });
  const readTag = etagOf(toGroupResource(before));
  assertIfMatch(request.headers.get("if-match"), readTag);
  const input = updateGroupInput(before, changes);
  const updated = await updateGroup({
    actor,
    groupId: before.id,
    input,
    // The changes were applied to the group as read: refuse if a save landed in between.
    precondition: (current) => assertIfMatch(readTag, etagOf(toGroupResource(current))),
  });
  const group = toGroupResource({ ...updated, permissions: input.permissions });
  return apiJson(group, { etag: etagOf(group) });
});

// DELETE /api/v1/groups/{id}: tokens whose owner may delete groups.
export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteGroup({ actor, groupId: params.id });
  return new Response(null, { status: 204 });
});
