/** A SCIM answer: `application/scim+json` (RFC 7644 §3.1), with ETag and Location when given. */
export function scimJson(
  data: unknown,
  init: { status?: number; etag?: string; location?: string } = {},
): Response {
  const headers: Record<string, string> = {
    "content-type": "application/scim+json",
    "cache-control": "no-store",
  };
  if (init.etag) headers.etag = init.etag;
  if (init.location) headers.location = init.location;
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers });
}

export const listResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/** RFC 7644 §3.4.2: one page of resources with the total that matched the filter. */
export function scimListResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return scimJson({
    schemas: [listResponseSchema],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  });
}
