// GET and POST /api/v1/templates: tokens with Templates: View / Create.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";
import {
  createTemplateBodySchema,
  templateListQuerySchema,
} from "@/lib/api/templates/template-bodies";
import { toTemplateResource, toTemplateSummary } from "@/lib/api/templates/template-resource";
import { createTemplate } from "@/lib/templates/create-template";
import { listTemplates } from "@/lib/templates/list-templates";

export const GET = apiRoute(async ({ actor, query }) => {
  parseApiInput(templateListQuerySchema, queryObject(query));
  const rows = await listTemplates({ actor });
  return apiJson({ data: rows.map(toTemplateSummary), nextCursor: null });
});

export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseApiInput(createTemplateBodySchema, body());
  const created = await createTemplate({ actor, input });
  // A new template has no seats yet.
  const template = toTemplateResource({ ...created, seatCount: 0, seatsFromOlderVersions: 0 });
  return apiJson(template, {
    status: 201,
    etag: etagOf(template),
    location: `/api/v1/templates/${template.id}`,
  });
});
