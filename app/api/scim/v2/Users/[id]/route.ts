import { scimJson } from "@/lib/scim/scim-response";
import { scimRoute } from "@/lib/scim/scim-route";
import {
  deleteScimUser,
  getScimUser,
  patchScimUser,
  replaceScimUser,
} from "@/lib/scim/users/scim-user-operations";
import { scimUserAttribute } from "@/lib/scim/users/scim-user-resource";

type Params = { id: string };

const answer = (user: Awaited<ReturnType<typeof getScimUser>>) =>
  scimJson(user, { etag: user.meta.version });

export const GET = scimRoute<Params>(
  async ({ actor, params, baseUrl }) =>
    answer(await getScimUser({ actor, baseUrl, userId: params.id })),
  scimUserAttribute,
);

export const PUT = scimRoute<Params>(
  async ({ actor, params, baseUrl, body, request }) =>
    answer(
      await replaceScimUser({
        actor,
        baseUrl,
        userId: params.id,
        ifMatch: request.headers.get("if-match"),
        body: body(),
      }),
    ),
  scimUserAttribute,
);

export const PATCH = scimRoute<Params>(
  async ({ actor, params, baseUrl, body, request }) =>
    answer(
      await patchScimUser({
        actor,
        baseUrl,
        userId: params.id,
        ifMatch: request.headers.get("if-match"),
        body: body(),
      }),
    ),
  scimUserAttribute,
);

export const DELETE = scimRoute<Params>(async ({ actor, params }) => {
  await deleteScimUser({ actor, userId: params.id });
  return new Response(null, { status: 204 });
}, scimUserAttribute);
