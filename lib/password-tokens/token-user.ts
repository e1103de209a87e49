import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type PasswordTokenPurpose, passwordTokens, users } from "@/db/schema";
import { hashToken, isWellFormedToken } from "./token-hash";

/** The user a link is for, as the set-password pages need them. */
export type TokenUser = {
  tokenId: string;
  id: string;
  accountId: string;
  userName: string;
  email: string;
  firstName: string;
  lastName: string;
  role: "user" | "administrator";
};

export type FindTokenUserOptions = {
  token: string;
  purpose: PasswordTokenPurpose;
  now: Date;
  /** Lock the token's row until the transaction ends (consuming it). */
  forUpdate?: boolean;
};

/**
 * The active user whose unused, unexpired link of this purpose the token is; undefined for
 * anything else, whatever the reason, so no answer tells one failure from another.
 */
export async function findTokenUser(
  db: Executor,
  { token, purpose, now, forUpdate = false }: FindTokenUserOptions,
): Promise<TokenUser | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const query = db
    .select({
      tokenId: passwordTokens.id,
      id: users.id,
      accountId: users.accountId,
      userName: users.userName,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
    })
    .from(passwordTokens)
    .innerJoin(
      users,
      and(eq(users.id, passwordTokens.userId), eq(users.accountId, passwordTokens.accountId)),
    )
    .where(
      and(
        eq(passwordTokens.tokenHash, hashToken(token)),
        eq(passwordTokens.purpose, purpose),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
        eq(users.active, true),
      ),
    );
  const [row] = await (forUpdate ? query.for("update", { of: passwordTokens }) : query);
  return row;
}
