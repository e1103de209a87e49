export type ApiTokenStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: it is what someone did, expiry is what time did. */
export function apiTokenStatus(
  token: { revokedAt: Date | null; expiresAt: Date | null },
  now = new Date(),
): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
