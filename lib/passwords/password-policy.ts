import { isCommonPassword } from "#common-passwords";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordContext = { userName?: string; email?: string };

/**
 * Why a new password is refused, or undefined when it is acceptable. Length and a common-password
 * list only, with no composition rules (NIST SP 800-63B). Length counts code points, so an emoji
 * is one character as the person typing it sees it.
 */
export function passwordProblem(password: string, context: PasswordContext): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return "This password is too common. Choose another.";
  const candidate = comparable(password);
  const identities = [context.userName, context.email].map(comparable).filter(Boolean);
  if (identities.includes(candidate)) {
    return "The password must not be your user name or email.";
  }
  return undefined;
}

function comparable(value: string | undefined): string {
  return (value ?? "").trim().toLowerCase();
}
