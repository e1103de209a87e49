import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import { createGroupBodySchema, groupListQuerySchema } from "@/lib/api/groups/group-bodies";
import { decodeGroupCursor, encodeGroupCursor } from "@/lib/api/groups/group-cursor";
import { toGroupResource, toGroupSummary } from "@/lib/api/groups/group-resource";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { createGroup } from "@/lib/groups/create-group";
import { listGroups } from "@/lib/groups/list-groups";

// GET /api/v1/groups: tokens whose owner may view groups.
export const GET = apiRoute(async ({ actor, query }) => {
  const { limit, cursor } = parseApiInput(groupListQuerySchema, queryObject(query));
  // One row past the page tells whether another page follows.
  const rows = await listGroups({ actor, after: decodeGroupCursor(cursor), limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return apiJson({
    data: page.map(toGroupSummary),
    nextCursor: rows.length > limit && last ? encodeGroupCursor(last.name) : null,
  });
});

// POST /api/v1/groups: tokens whose owner may create groups.
export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseApiInput(createGroupBodySchema, body());
  const created = await createGroup({ actor, input });
  const group = toGroupResource({ ...created, permissions: input.permissions });
  return apiJson(group, {
    status: 201,
    etag: etagOf(group),
    location: `/api/v1/groups/${group.id}`,
  });
});
