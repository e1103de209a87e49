import "server-only";
import { hashPassword } from "@/lib/auth/passwords";
import { newRawToken } from "@/lib/password-tokens/token-hash";

/**
 * The hash kept for a user who has not chosen a password yet: a real argon2id hash of a
 * secret nobody keeps, so nothing verifies against it, and a sign-in attempt costs the same
 * one verify as for anyone else (no timing tells such users apart).
 */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(newRawToken());
}
