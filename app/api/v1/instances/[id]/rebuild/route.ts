// POST /api/v1/instances/{id}/rebuild (Force Rebuild): tokens with Instances: View and Rebuild.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import { rebuildBodySchema } from "@/lib/api/instances/instance-bodies";
import { toInstanceResource } from "@/lib/api/instances/instance-resource";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { ConflictError } from "@/lib/errors";
import { getInstance } from "@/lib/instances/get-instance";
import { requestRebuild } from "@/lib/instances/request-rebuild";

type Params = { id: string };

export const POST = apiRoute<Params>(async ({ actor, params, body }) => {
  parseApiInput(rebuildBodySchema, body());
  // Read first, as the page that has the button does: a token that could not see the
  // instance it answers with is refused before anything starts.
  await getInstance({ actor, instanceId: params.id });
  const result = await requestRebuild({ actor, instanceId: params.id });
  if (!result.started) {
    const since = result.since ? ` since ${result.since.toISOString()}` : "";
    throw new ConflictError(
      `A rebuild of this instance is already running${since}; nothing was started.`,
    );
  }
  const instance = toInstanceResource(await getInstance({ actor, instanceId: params.id }));
  return apiJson(instance, {
    status: 202,
    etag: etagOf(instance),
    location: `/api/v1/instances/${instance.id}`,
  });
});
