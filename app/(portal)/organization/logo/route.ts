// GET /organization/logo: the organization's logo, for any signed-in member of that account.
import { currentSession } from "@/lib/auth/current-user";
import { getOrganizationLogo } from "@/lib/organization/get-organization-logo";

export const dynamic = "force-dynamic";

// An image only: nothing in the answer may run or load anything, nor be read as another type.
// While proxy.ts's matcher covers this path, its page policy is set first and Next.js keeps a
// header already set, so that one is sent (no script runs without its nonce either); this one
// applies if the path is ever left out of the matcher.
const imageHeaders = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  // Revalidated on every use (the ETag makes that cheap); never kept by shared caches.
  "cache-control": "private, no-cache",
};

export async function GET(request: Request) {
  const session = await currentSession();
  if (session.status !== "ready") {
    return new Response(null, { status: 401, headers: imageHeaders });
  }
  const logo = await getOrganizationLogo({ actor: session.actor });
  if (!logo) return new Response(null, { status: 404, headers: imageHeaders });
  const etag = `"${logo.updatedAt.getTime().toString(36)}"`;
  const validator = { ...imageHeaders, etag, "last-modified": logo.updatedAt.toUTCString() };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers: validator });
  }
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      ...validator,
      "content-type": logo.type,
      "content-length": String(logo.bytes.length),
    },
  });
}
