// GET and POST /api/v1/instances/{id}/features: tokens with Features: View / Create.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import {
  createFeatureBodySchema,
  createFeatureInput,
  featureListQuerySchema,
} from "@/lib/api/features/feature-bodies";
import { toFeatureResource, toFeatureSummary } from "@/lib/api/features/feature-resource";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { createFeature } from "@/lib/features/create-feature";
import { listFeatures } from "@/lib/features/list-features";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params, query }) => {
  const { limit, cursor, kind } = parseApiInput(featureListQuerySchema, queryObject(query));
  const page = await listFeatures({ actor, instanceId: params.id, kind, cursor, limit });
  return apiJson({ data: page.rows.map(toFeatureSummary), nextCursor: page.nextCursor ?? null });
});

export const POST = apiRoute<Params>(async ({ actor, params, body }) => {
  const { kind, input } = createFeatureInput(parseApiInput(createFeatureBodySchema, body()));
  const created = await createFeature({ actor, instanceId: params.id, kind, input });
  // A new feature is a spare nothing refers to yet.
  const feature = toFeatureResource({ feature: created, assignedTo: null, usage: [] });
  return apiJson(feature, {
    status: 201,
    etag: etagOf(feature),
    location: `/api/v1/instances/${created.instanceId}/features/${created.id}`,
  });
});
