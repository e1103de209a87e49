// GET, PATCH and DELETE /api/v1/templates/{id}: tokens with Templates: View / Edit / Delete.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { assertIfMatch, etagOf } from "@/lib/api/etag";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { updateTemplateBodySchema, updateTemplateInput } from "@/lib/api/templates/template-bodies";
import { toTemplateResource } from "@/lib/api/templates/template-resource";
import { deleteTemplate } from "@/lib/templates/delete-template";
import { getTemplate } from "@/lib/templates/get-template";
import { updateTemplate } from "@/lib/templates/update-template";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const template = toTemplateResource(await getTemplate({ actor, templateId: params.id }));
  return apiJson(template, { etag: etagOf(template) });
});

export const PATCH = apiRoute<Params>(async ({ actor, params, body, request }) => {
  const changes = parseApiInput(updateTemplateBodySchema, body());
  const before = await getTemplate({ actor, templateId: params.id });
  const readTag = etagOf(toTemplateResource(before));
  assertIfMatch(request.headers.get("if-match"), readTag);
  await updateTemplate({
    actor,
    templateId: before.id,
    input: updateTemplateInput(before, changes),
    // The changes were applied to the template as read: refuse if a save landed in between.
    precondition: (current) => assertIfMatch(readTag, etagOf(toTemplateResource(current))),
  });
  const template = toTemplateResource(await getTemplate({ actor, templateId: before.id }));
  return apiJson(template, { etag: etagOf(template) });
});

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteTemplate({ actor, templateId: params.id });
  return new Response(null, { status: 204 });
});
