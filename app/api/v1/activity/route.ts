import { listActivity } from "@/lib/activity/list-activity";
import { activityListQuerySchema } from "@/lib/api/activity/activity-query";
import { toActivityResource } from "@/lib/api/activity/activity-resource";
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";

// GET /api/v1/activity: tokens whose owner may view all activity, or their own.
export const GET = apiRoute(async ({ actor, query }) => {
  const { limit, cursor, ...filters } = parseApiInput(activityListQuerySchema, queryObject(query));
  const page = await listActivity({ actor, query: { ...filters, before: cursor }, limit });
  return apiJson({
    data: page.rows.map(toActivityResource),
    nextCursor: page.nextBefore === undefined ? null : String(page.nextBefore),
  });
});
