import { groupFilterAttributes, listScimGroups } from "@/lib/scim/groups/list-scim-groups";
import { createScimGroup } from "@/lib/scim/groups/scim-group-operations";
import { membersLeftOut, scimGroupAttribute } from "@/lib/scim/groups/scim-group-resource";
import { parseScimFilter, scimPage } from "@/lib/scim/scim-filter";
import { scimJson, scimListResponse } from "@/lib/scim/scim-response";
import { scimRoute } from "@/lib/scim/scim-route";

// GET /api/scim/v2/Groups: identity providers' tokens whose owner may view groups.
export const GET = scimRoute(async ({ actor, query, baseUrl }) => {
  const comparisons = parseScimFilter(query.get("filter"), groupFilterAttributes);
  const { startIndex, count, offset } = scimPage(query);
  const page = await listScimGroups({
    actor,
    comparisons,
    offset,
    count,
    baseUrl,
    withMembers: !membersLeftOut(query),
  });
  return scimListResponse(page.resources, page.totalResults, startIndex);
}, scimGroupAttribute);

// POST /api/scim/v2/Groups: tokens whose owner may create groups (and edit them, with members).
export const POST = scimRoute(async ({ actor, body, baseUrl }) => {
  const group = await createScimGroup({ actor, body: body(), baseUrl });
  return scimJson(group, { status: 201, etag: group.meta.version, location: group.meta.location });
}, scimGroupAttribute);
