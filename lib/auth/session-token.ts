import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { authSecret } from "./auth-secret";

export type SessionToken = { userId: string; sessionId: string; sessionVersion?: number };

// Auth.js names the cookie with the __Secure- prefix when it is served over https.
const secureCookieName = "__Secure-authjs.session-token";

/** The claims this portal puts in a session token, or null for anything else. */
export function sessionTokenClaims(token: JWT | null): SessionToken | null {
  if (!token || typeof token.sub !== "string" || typeof token.sid !== "string") return null;
  return {
    userId: token.sub,
    sessionId: token.sid,
    sessionVersion: typeof token.sv === "number" ? token.sv : undefined,
  };
}

// Decrypting a token derives its key (HKDF) every time: a browser sends the same cookie
// with every request, so the claims of recent cookies are kept, until the token's expiry.
// Whether the session is still current is asked of the database every time regardless.
const decoded = new Map<string, { claims: SessionToken | null; expiresAt: number }>();
const decodedLimit = 1000;

/**
 * Decodes the session cookie straight from the request's Cookie header: no round trip
 * through Auth.js's session endpoint. Only the cookie counts (never an Authorization
 * header).
 */
export async function readSessionToken(cookieHeader: string): Promise<SessionToken | null> {
  if (!cookieHeader.includes("authjs.session-token")) return null;
  const known = decoded.get(cookieHeader);
  if (known && known.expiresAt > Date.now()) return known.claims;
  const token = await getToken({
    req: { headers: new Headers({ cookie: cookieHeader }) },
    secret: authSecret(),
    secureCookie: cookieHeader.includes(secureCookieName),
  });
  const claims = sessionTokenClaims(token);
  if (token && typeof token.exp === "number") {
    if (decoded.size >= decodedLimit) decoded.delete(decoded.keys().next().value ?? "");
    decoded.set(cookieHeader, { claims, expiresAt: token.exp * 1000 });
  }
  return claims;
}
