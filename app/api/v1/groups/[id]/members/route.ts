import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import {
  addGroupMemberBodySchema,
  groupMemberListQuerySchema,
} from "@/lib/api/groups/group-bodies";
import { toGroupMember } from "@/lib/api/groups/group-resource";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { addGroupMember } from "@/lib/groups/group-members";
import { listGroupMembers } from "@/lib/groups/list-group-members";

type Params = { id: string };

// GET /api/v1/groups/{id}/members: tokens whose owner may view groups.
export const GET = apiRoute<Params>(async ({ actor, params, query }) => {
  const { limit, cursor } = parseApiInput(groupMemberListQuerySchema, queryObject(query));
  const page = await listGroupMembers({ actor, groupId: params.id, after: cursor, limit });
  return apiJson({ data: page.rows.map(toGroupMember), nextCursor: page.nextAfter ?? null });
});

// POST /api/v1/groups/{id}/members: tokens whose owner may edit groups and manage the user.
export const POST = apiRoute<Params>(async ({ actor, params, body }) => {
  const { userId } = parseApiInput(addGroupMemberBodySchema, body());
  const member = toGroupMember(await addGroupMember({ actor, groupId: params.id, userId }));
  return apiJson(member, {
    status: 201,
    etag: etagOf(member),
    location: `/api/v1/groups/${params.id.toLowerCase()}/members/${member.userId}`,
  });
});
