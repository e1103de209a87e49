import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * Where links in emails point: AUTH_URL when it is set; otherwise the origin the request
 * was made to (server.ts keeps X-Forwarded-* only behind a trusted proxy). Outside a request
 * (a test, a script) and with no setting, the local server.
 */
export async function portalOrigin(): Promise<string> {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  try {
    const request = await headers();
    const host = request.get("x-forwarded-host")?.split(",")[0]?.trim() || request.get("host");
    const protocol = request.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
    if (host) return new URL(`${protocol === "https" ? "https" : "http"}://${host}`).origin;
  } catch {
    // No request in scope.
  }
  return `http://localhost:${env.PORT}`;
}
