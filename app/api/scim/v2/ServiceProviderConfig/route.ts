// GET /api/scim/v2/ServiceProviderConfig (RFC 7644 §4): what this SCIM service supports.
// Public, as discovery is: it holds no organization's data.

import { scimBaseUrl } from "@/lib/scim/scim-base-url";
import { scimServiceProviderConfig } from "@/lib/scim/scim-discovery";
import { scimJson } from "@/lib/scim/scim-response";

export async function GET() {
  return scimJson(scimServiceProviderConfig(await scimBaseUrl()));
}
