import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountApiToken } from "./find-api-token";
import type { ApiTokenListRow } from "./list-api-tokens";
import { apiTokenStatus } from "./token-status";

export type GetApiTokenOptions = { actor: Actor; tokenId: string };

export type ApiTokenDetails = ApiTokenListRow;

/** One token of the account, with its creator and its status now. */
export async function getApiToken({
  actor,
  tokenId,
}: GetApiTokenOptions): Promise<ApiTokenDetails> {
  assertCan(actor, "integrations", "view");
  const token = await findAccountApiToken(getDb(), actor.accountId, tokenId);
  return { ...token, status: apiTokenStatus(token) };
}
