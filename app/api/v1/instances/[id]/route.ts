// GET, PATCH and DELETE /api/v1/instances/{id}: tokens with Instances: View / Edit / Delete.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { assertIfMatch, etagOf } from "@/lib/api/etag";
import { updateInstanceBodySchema, updateInstanceInput } from "@/lib/api/instances/instance-bodies";
import { toInstanceResource } from "@/lib/api/instances/instance-resource";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { deleteInstance } from "@/lib/instances/delete-instance";
import { getInstance } from "@/lib/instances/get-instance";
import { updateInstance } from "@/lib/instances/update-instance";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const instance = toInstanceResource(await getInstance({ actor, instanceId: params.id }));
  return apiJson(instance, { etag: etagOf(instance) });
});

export const PATCH = apiRoute<Params>(async ({ actor, params, body, request }) => {
  const changes = parseApiInput(updateInstanceBodySchema, body());
  const before = await getInstance({ actor, instanceId: params.id });
  const readTag = etagOf(toInstanceResource(before));
  assertIfMatch(request.headers.get("if-match"), readTag);
  await updateInstance({
    actor,
    instanceId: before.id,
    input: updateInstanceInput(before, changes),
    // The changes were applied to the instance as read: refuse if a save landed in between.
    precondition: (current) => assertIfMatch(readTag, etagOf(toInstanceResource(current))),
  });
  const instance = toInstanceResource(await getInstance({ actor, instanceId: before.id }));
  return apiJson(instance, { etag: etagOf(instance) });
});

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteInstance({ actor, instanceId: params.id });
  return new Response(null, { status: 204 });
});
