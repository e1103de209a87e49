// GET and POST /api/v1/instances: tokens with Instances: View / Create.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import {
  createInstanceBodySchema,
  instanceListQuerySchema,
} from "@/lib/api/instances/instance-bodies";
import {
  newInstanceUsage,
  toInstanceResource,
  toInstanceSummary,
} from "@/lib/api/instances/instance-resource";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { createInstance } from "@/lib/instances/create-instance";
import { listInstances } from "@/lib/instances/list-instances";

export const GET = apiRoute(async ({ actor, query }) => {
  const { limit, cursor } = parseApiInput(instanceListQuerySchema, queryObject(query));
  const page = await listInstances({ actor, after: cursor, limit });
  return apiJson({ data: page.rows.map(toInstanceSummary), nextCursor: page.nextAfter ?? null });
});

export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseApiInput(createInstanceBodySchema, body());
  const created = await createInstance({ actor, input });
  const instance = toInstanceResource({ ...created, ...newInstanceUsage() });
  return apiJson(instance, {
    status: 201,
    etag: etagOf(instance),
    location: `/api/v1/instances/${instance.id}`,
  });
});
