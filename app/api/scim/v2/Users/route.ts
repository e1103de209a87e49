import { parseScimFilter, scimPage } from "@/lib/scim/scim-filter";
import { scimJson, scimListResponse } from "@/lib/scim/scim-response";
import { scimRoute } from "@/lib/scim/scim-route";
import { listScimUsers, userFilterAttributes } from "@/lib/scim/users/list-scim-users";
import { createScimUser } from "@/lib/scim/users/scim-user-operations";
import { scimUserAttribute, toScimUser } from "@/lib/scim/users/scim-user-resource";

export const GET = scimRoute(async ({ actor, query, baseUrl }) => {
  const comparisons = parseScimFilter(query.get("filter"), userFilterAttributes);
  const { startIndex, count, offset } = scimPage(query);
  const page = await listScimUsers({ actor, comparisons, offset, count });
  return scimListResponse(
    page.users.map(({ user, groups }) => toScimUser(user, groups, baseUrl)),
    page.totalResults,
    startIndex,
  );
}, scimUserAttribute);

export const POST = scimRoute(async ({ actor, body, baseUrl }) => {
  const user = await createScimUser({ actor, baseUrl, body: body() });
  return scimJson(user, { status: 201, etag: user.meta.version, location: user.meta.location });
}, scimUserAttribute);
