import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

const missing = () => new NotFoundError("This API token does not exist.");

/** What the portal shows of a token: everything but its hash and rate-limit counters. */
export const apiTokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  displayPrefix: apiTokens.displayPrefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
  lastUsedAddress: apiTokens.lastUsedAddress,
  createdByUserId: apiTokens.createdByUserId,
  createdByUserName: users.userName,
  createdByRole: users.role,
};

/**
 * A token of the account with its creator (another account's is simply not found);
 * `forUpdate` locks the token's row for the rest of the transaction.
 */
export async function findAccountApiToken(
  db: Executor,
  accountId: string,
  tokenId: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
) {
  if (!isUuid(tokenId)) throw missing();
  const query = db
    .select(apiTokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdByUserId))
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.accountId, accountId)));
  const [token] = await (forUpdate ? query.for("update", { of: apiTokens }) : query);
  if (!token) throw missing();
  return token;
}
