import { env } from "@/lib/env";
import { portalUrl } from "@/lib/users/portal-url";

// No "server-only": the billing run (plain Node) writes these links.

/**
 * An absolute link to a billing page for a message. The billing run has no request to take the
 * portal's address from, so it is AUTH_URL, else the local server, whoever issued the invoice.
 */
export function billingLink(path: string): string {
  const origin = env.AUTH_URL ? new URL(env.AUTH_URL).origin : `http://localhost:${env.PORT}`;
  return portalUrl(origin, path);
}
