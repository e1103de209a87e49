import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { apiTokenColumns } from "./find-api-token";
import { decodeTokenListCursor, encodeTokenListCursor } from "./token-list-cursor";
import { type ApiTokenStatus, apiTokenStatus } from "./token-status";

export const apiTokenPageSize = 50;

export type ApiTokenListRow = {
  id: string;
  name: string;
  displayPrefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedAddress: string;
  createdByUserId: string;
  createdByUserName: string;
  createdByRole: "user" | "administrator";
  status: ApiTokenStatus;
};

export type ApiTokenListPage = {
  rows: ApiTokenListRow[];
  /** Opaque cursor of the next page, when there is one. */
  nextAfter?: string;
};

export type ListApiTokensOptions = { actor: Actor; after?: string };

/** One page of the account's tokens, newest first, keyset-paged on (created_at, id). */
export async function listApiTokens({
  actor,
  after,
}: ListApiTokensOptions): Promise<ApiTokenListPage> {
  assertCan(actor, "integrations", "view");
  const cursor = decodeTokenListCursor(after);
  const rows = await getDb()
    .select({ ...apiTokenColumns, position: sql<string>`${apiTokens.createdAt}::text` })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdByUserId))
    .where(
      and(
        eq(apiTokens.accountId, actor.accountId),
        cursor
          ? sql`(${apiTokens.createdAt}, ${apiTokens.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(apiTokenPageSize + 1);
  const page = rows.slice(0, apiTokenPageSize);
  const last = page.at(-1);
  const now = new Date();
  return {
    rows: page.map(({ position: _position, ...row }) => ({
      ...row,
      status: apiTokenStatus(row, now),
    })),
    nextAfter:
      rows.length > apiTokenPageSize && last
        ? encodeTokenListCursor({ createdAt: last.position, id: last.id })
        : undefined,
  };
}
