import { z } from "zod";
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { assertIfMatch, etagOf } from "@/lib/api/etag";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { updateUserBodySchema, updateUserInput } from "@/lib/api/users/user-bodies";
import { toUserResource } from "@/lib/api/users/user-resource";
import { deleteUser } from "@/lib/users/delete-user";
import { getUser } from "@/lib/users/find-user";
import { updateUser } from "@/lib/users/update-user";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const user = toUserResource(await getUser({ actor, userId: params.id }));
  return apiJson(user, { etag: etagOf(user) });
});

export const PATCH = apiRoute<Params>(async ({ actor, params, body, request }) => {
  const changes = parseApiInput(updateUserBodySchema, body());
  const before = await getUser({ actor, userId: params.id });
  const readTag = etagOf(toUserResource(before));
  const ifMatch = request.headers.get("if-match");
  assertIfMatch(ifMatch, readTag);
  const updated = await updateUser({
    actor,
    userId: before.id,
    input: updateUserInput(before, changes),
    // The changes were applied to the user as read: refuse if a save landed in between.
    precondition: (current) => assertIfMatch(readTag, etagOf(toUserResource(current))),
  });
  const user = toUserResource(updated);
  return apiJson(user, { etag: etagOf(user) });
});

export const DELETE = apiRoute<Params>(async ({ actor, params, query }) => {
  const { seatFeatures } = parseApiInput(
    z.object({ seatFeatures: z.enum(["keep", "release"]).default("keep") }).strict(),
    queryObject(query),
  );
  await deleteUser({ actor, userId: params.id, seatFeatures });
  return new Response(null, { status: 204 });
});
