import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";
import {
  createUserBodySchema,
  createUserInput,
  userListQuerySchema,
} from "@/lib/api/users/user-bodies";
import { toUserResource, toUserSummary } from "@/lib/api/users/user-resource";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

export const GET = apiRoute(async ({ actor, query }) => {
  const { limit, cursor, ...filters } = parseApiInput(userListQuerySchema, queryObject(query));
  const page = await listUsers({ actor, query: { ...filters, after: cursor }, limit });
  return apiJson({ data: page.rows.map(toUserSummary), nextCursor: page.nextAfter ?? null });
});

export const POST = apiRoute(async ({ actor, body }) => {
  const input = createUserInput(parseApiInput(createUserBodySchema, body()));
  const user = toUserResource(await createUser({ actor, input }));
  return apiJson(user, { status: 201, etag: etagOf(user), location: `/api/v1/users/${user.id}` });
});
