import { createHash, randomBytes } from "node:crypto";

/** A new link secret: 32 random bytes (256 bits), URL-safe. */
export function newRawToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database keeps of a token. A fast hash is enough: the token is random and long,
 * so there is nothing to guess by trying passwords, and lookups need an exact match.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Anything else than what newRawToken() makes is refused before a query runs. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
