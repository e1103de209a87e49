import { openApiDocument } from "@/lib/api/openapi/document";

// Public, like any API's reference: it holds no account data.
export function GET() {
  return Response.json(openApiDocument(), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
