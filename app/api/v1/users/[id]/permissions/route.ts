import { apiJson, apiRoute } from "@/lib/api/api-route";
import { assertIfMatch, etagOf } from "@/lib/api/etag";
import { parseApiInput } from "@/lib/api/parse-api-input";
import {
  putUserPermissionsBodySchema,
  userOverridesInput,
} from "@/lib/api/permissions/permission-bodies";
import {
  toOverridesResource,
  toUserPermissionsResource,
} from "@/lib/api/permissions/permission-resource";
import { getUserPermissions } from "@/lib/permissions/get-user-permissions";
import { setUserOverrides } from "@/lib/permissions/set-user-overrides";

type Params = { id: string };

// The ETag versions the overrides, what PUT replaces: a change to the user's groups moves
// their effective permissions but does not make a PUT of overrides stale.
const overridesTag = (resource: { overrides: unknown }) => etagOf(resource.overrides);

// GET /api/v1/users/{id}/permissions: tokens whose owner may view permissions, or the user themself.
export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const permissions = toUserPermissionsResource(
    await getUserPermissions({ actor, userId: params.id }),
  );
  return apiJson(permissions, { etag: overridesTag(permissions) });
});

// PUT /api/v1/users/{id}/permissions: tokens whose owner may edit permissions and manage the user.
export const PUT = apiRoute<Params>(async ({ actor, params, body, request }) => {
  const overrides = userOverridesInput(parseApiInput(putUserPermissionsBodySchema, body()));
  const before = toUserPermissionsResource(await getUserPermissions({ actor, userId: params.id }));
  const readTag = overridesTag(before);
  assertIfMatch(request.headers.get("if-match"), readTag);
  await setUserOverrides({
    actor,
    userId: before.userId,
    overrides,
    // The overrides were read before: refuse if a save landed in between.
    precondition: (current) => assertIfMatch(readTag, etagOf(toOverridesResource(current))),
  });
  const after = toUserPermissionsResource(
    await getUserPermissions({ actor, userId: before.userId }),
  );
  return apiJson(after, { etag: overridesTag(after) });
});
