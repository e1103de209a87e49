// GET /api/auth/session and /api/auth/csrf: Auth.js's own endpoints; anyone. Signing in and
// out go through /api/sign-in (which checks the origin) and the sign-out action (which ends
// the session on the server), so Auth.js's other endpoints, which do neither, are not served.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";

const served = new Set(["session", "csrf"]);

export async function GET(request: NextRequest) {
  const action = request.nextUrl.pathname.split("/").at(-1) ?? "";
  if (!served.has(action)) return new Response("Not found.", { status: 404 });
  return handlers.GET(request);
}
