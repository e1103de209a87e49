import { scimBaseUrl } from "@/lib/scim/scim-base-url";
import { scimSchemas } from "@/lib/scim/scim-discovery";
import { scimErrorResponse } from "@/lib/scim/scim-error";
import { scimJson } from "@/lib/scim/scim-response";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const schema = scimSchemas(await scimBaseUrl()).find((candidate) => candidate.id === id);
  return schema ? scimJson(schema) : scimErrorResponse(404, `There is no schema "${id}".`);
}
