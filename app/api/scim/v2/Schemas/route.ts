// GET /api/scim/v2/Schemas (RFC 7644 §4): the attributes kept. Public, as discovery is.

import { scimBaseUrl } from "@/lib/scim/scim-base-url";
import { scimSchemas } from "@/lib/scim/scim-discovery";
import { scimListResponse } from "@/lib/scim/scim-response";

export async function GET() {
  const schemas = scimSchemas(await scimBaseUrl());
  return scimListResponse(schemas, schemas.length, 1);
}
