import {
  deleteScimGroup,
  getScimGroup,
  patchScimGroup,
  replaceScimGroup,
} from "@/lib/scim/groups/scim-group-operations";
import { membersLeftOut, scimGroupAttribute } from "@/lib/scim/groups/scim-group-resource";
import { scimJson } from "@/lib/scim/scim-response";
import { scimRoute } from "@/lib/scim/scim-route";

type Params = { id: string };

// GET /api/scim/v2/Groups/{id}: identity providers' tokens whose owner may view groups.
export const GET = scimRoute<Params>(async ({ actor, params, query, baseUrl }) => {
  const group = await getScimGroup({
    actor,
    groupId: params.id,
    baseUrl,
    withMembers: !membersLeftOut(query),
  });
  return scimJson(group, { etag: group.meta.version });
}, scimGroupAttribute);

// PUT /api/scim/v2/Groups/{id}: tokens whose owner may edit groups (and manage the members).
export const PUT = scimRoute<Params>(async ({ actor, params, body, baseUrl, request }) => {
  const group = await replaceScimGroup({
    actor,
    groupId: params.id,
    baseUrl,
    body: body(),
    ifMatch: request.headers.get("if-match"),
  });
  return scimJson(group, { etag: group.meta.version });
}, scimGroupAttribute);

// PATCH /api/scim/v2/Groups/{id}: tokens whose owner may edit groups (and manage the members).
export const PATCH = scimRoute<Params>(async ({ actor, params, body, baseUrl, request }) => {
  const group = await patchScimGroup({
    actor,
    groupId: params.id,
    baseUrl,
    body: body(),
    ifMatch: request.headers.get("if-match"),
  });
  return scimJson(group, { etag: group.meta.version });
}, scimGroupAttribute);

// DELETE /api/scim/v2/Groups/{id}: tokens whose owner may delete groups.
export const DELETE = scimRoute<Params>(async ({ actor, params, baseUrl, request }) => {
  await deleteScimGroup({
    actor,
    groupId: params.id,
    baseUrl,
    ifMatch: request.headers.get("if-match"),
  });
  return new Response(null, { status: 204 });
}, scimGroupAttribute);
