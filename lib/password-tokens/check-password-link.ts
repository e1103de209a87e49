import "server-only";
import { getDb } from "@/db/client";
import type { PasswordTokenPurpose } from "@/db/schema";
import { findTokenUser } from "./token-user";

export type CheckPasswordLinkOptions = { token: string; purpose: PasswordTokenPurpose };

/**
 * Whether a link still works, without spending it, for the page it opens: the user name
 * it is for, or undefined (expired, used, unknown: the page says the same for each).
 */
export async function checkPasswordLink({
  token,
  purpose,
}: CheckPasswordLinkOptions): Promise<{ userName: string } | undefined> {
  const user = await findTokenUser(getDb(), { token, purpose, now: new Date() });
  return user ? { userName: user.userName } : undefined;
}
