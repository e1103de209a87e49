// GET /api/scim/v2/ResourceTypes (RFC 7644 §4): Users and Groups. Public, as discovery is.

import { scimBaseUrl } from "@/lib/scim/scim-base-url";
import { scimResourceTypes } from "@/lib/scim/scim-discovery";
import { scimListResponse } from "@/lib/scim/scim-response";

export async function GET() {
  const types = scimResourceTypes(await scimBaseUrl());
  return scimListResponse(types, types.length, 1);
}
