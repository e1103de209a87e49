/**
 * Whether a POST comes from the portal's own pages: a cross-site form must not sign a
 * visitor in to an account the other site chose (login CSRF). Judged as Next.js judges
 * server actions, so the sign-in form and the other forms agree: the Origin's host must
 * be the host the browser addressed (the first X-Forwarded-Host, which server.ts keeps
 * only behind a trusted proxy and Next.js otherwise fills in from Host).
 */
export function isSameOriginPost(headers: Headers): boolean {
  // Set by the browser, never by a page: another site, even a sibling subdomain, is out.
  const site = headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return false;
  const origin = headers.get("origin");
  // Current browsers send Origin on every POST. Without it and without Sec-Fetch-Site
  // the sender is an old browser or no browser at all; Next.js lets those through too.
  if (origin === null) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(host) && originHost(origin) === host?.toLowerCase();
}

/** "null" (sandboxed or privacy-sensitive contexts) and malformed values match nothing. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
