// No "server-only": background jobs (plain Node) write links too.

/** An absolute link into the portal at `origin` (lib/users/portal-origin.ts). */
export function portalUrl(origin: string, path: string, query?: Record<string, string>): string {
  const url = new URL(path, origin);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}
