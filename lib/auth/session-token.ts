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

/**
 * Decodes the session cookie straight from the request's Cookie header: one
 * decryption per request, no round trip through Auth.js's session endpoint. Only
 * the cookie counts (never an Authorization header).
 */
export async function readSessionToken(cookieHeader: string): Promise<SessionToken | null> {
  if (!cookieHeader.includes("authjs.session-token")) return null;
  const token = await getToken({
    req: { headers: new Headers({ cookie: cookieHeader }) },
    secret: authSecret(),
    secureCookie: cookieHeader.includes(secureCookieName),
  });
  return sessionTokenClaims(token);
}
