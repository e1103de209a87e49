import type { PasswordTokenPurpose } from "@/db/schema";

/** How long a link works: a first password may wait for a weekend; a reset must not. */
export const passwordTokenLifetimeMs: Record<PasswordTokenPurpose, number> = {
  set_password: 72 * 60 * 60 * 1000,
  reset_password: 30 * 60 * 1000,
};

/** The one answer for a link that is expired, used, unknown or for something else. */
export const invalidLinkMessage = "This link has expired or was already used. Ask for a new one.";
