import { scimBaseUrl } from "@/lib/scim/scim-base-url";
import { scimResourceTypes } from "@/lib/scim/scim-discovery";
import { scimErrorResponse } from "@/lib/scim/scim-error";
import { scimJson } from "@/lib/scim/scim-response";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const type = scimResourceTypes(await scimBaseUrl()).find((candidate) => candidate.id === id);
  return type ? scimJson(type) : scimErrorResponse(404, `There is no resource type "${id}".`);
}
