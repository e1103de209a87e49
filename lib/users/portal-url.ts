// No "server-only": background jobs (plain Node) write links too.
import { env } from "@/lib/env";

/** An absolute link into the portal at `origin` (lib/users/portal-origin.ts). */
export function portalUrl(origin: string, path: string, query?: Record<string, string>): string {
  const url = new URL(path, origin);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * An absolute link for a message written outside a request (a job, the billing run): there is
 * no request to take the portal's address from, so it is AUTH_URL, else the local server.
 */
export function backgroundPortalUrl(path: string): string {
  const origin = env.AUTH_URL ? new URL(env.AUTH_URL).origin : `http://localhost:${env.PORT}`;
  return portalUrl(origin, path);
}
