import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/password-tokens/token-hash";

/** Recognisable to secret scanners, the way GitHub's `ghp_` and Stripe's `sk_` are. */
export const apiTokenPrefix = "sbk_";
const randomByteCount = 20; // 160 bits
const displayedLength = apiTokenPrefix.length + 6;

/** A new token: shown once to its creator; only its hash is stored. */
export function generateApiToken(): { token: string; hash: string; displayPrefix: string } {
  const token = apiTokenPrefix + randomBytes(randomByteCount).toString("base64url");
  return { token, hash: hashApiToken(token), displayPrefix: token.slice(0, displayedLength) };
}

/** SHA-256, as for emailed links: the token is random and long, nothing to guess slowly. */
export const hashApiToken = hashToken;

/** The token of an `Authorization: Bearer sbk_…` header, or undefined. */
export function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer\s+(sbk_[A-Za-z0-9_-]{20,100})\s*$/i.exec(header ?? "");
  return match?.[1];
}
