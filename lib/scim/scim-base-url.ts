import "server-only";
import { portalOrigin } from "@/lib/users/portal-origin";

/** Where this SCIM service lives: resources' `location` and `$ref` start with it. */
export async function scimBaseUrl(): Promise<string> {
  return `${await portalOrigin()}/api/scim/v2`;
}
