// GET, PATCH and DELETE /api/v1/instances/{id}/features/{featureId}: tokens with
// Features: View, and Edit / Delete for the writes.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { assertIfMatch, etagOf } from "@/lib/api/etag";
import { confirmedUsageOf } from "@/lib/api/features/confirmed-usage";
import { featureChangesSchemas, updateFeatureInput } from "@/lib/api/features/feature-bodies";
import { toFeatureResource } from "@/lib/api/features/feature-resource";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { deleteFeature } from "@/lib/features/delete-feature";
import { getFeature } from "@/lib/features/get-feature";
import { updateFeature } from "@/lib/features/update-feature";

type Params = { id: string; featureId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const feature = toFeatureResource(
    await getFeature({ actor, instanceId: params.id, featureId: params.featureId }),
  );
  return apiJson(feature, { etag: etagOf(feature) });
});

export const PATCH = apiRoute<Params>(async ({ actor, params, body, request }) => {
  const before = await getFeature({ actor, instanceId: params.id, featureId: params.featureId });
  const { kind } = before.feature;
  // Which fields there are depends on the kind, known once the feature is read.
  const changes = parseApiInput(featureChangesSchemas[kind], body());
  const readTag = etagOf(toFeatureResource(before));
  assertIfMatch(request.headers.get("if-match"), readTag);
  await updateFeature({
    actor,
    instanceId: before.instance.id,
    featureId: before.feature.id,
    kind,
    input: updateFeatureInput(before.feature, changes),
    // The changes were applied to the feature as read: refuse if a save landed in between.
    precondition: (current) => assertIfMatch(readTag, etagOf(toFeatureResource(current))),
  });
  const feature = toFeatureResource(
    await getFeature({ actor, instanceId: before.instance.id, featureId: before.feature.id }),
  );
  return apiJson(feature, { etag: etagOf(feature) });
});

export const DELETE = apiRoute<Params>(async ({ actor, params, request }) => {
  const read = await getFeature({ actor, instanceId: params.id, featureId: params.featureId });
  const ifMatch = request.headers.get("if-match");
  const readTag = etagOf(toFeatureResource(read));
  assertIfMatch(ifMatch, readTag);
  await deleteFeature({
    actor,
    instanceId: read.instance.id,
    featureId: read.feature.id,
    confirmedUsage: confirmedUsageOf(read, ifMatch),
    precondition:
      ifMatch === null
        ? undefined
        : (current) => assertIfMatch(readTag, etagOf(toFeatureResource(current))),
  });
  return new Response(null, { status: 204 });
});
