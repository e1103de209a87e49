import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { UserRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadPermissions } from "@/lib/auth/load-permissions";
import { allPermissionKeys, isPermissionKey, type PermissionKey } from "@/lib/auth/modules";
import { env } from "@/lib/env";
import { bearerToken, hashApiToken } from "./token-secret";

const rateWindowMs = 60_000;

export type RateLimitHeaders = { limit: number; remaining: number; resetSeconds: number };

export type ApiAuthentication =
  | { ok: true; actor: Actor; rate: RateLimitHeaders }
  | { ok: false; status: 401; detail: string }
  | { ok: false; status: 429; detail: string; rate: RateLimitHeaders };

type Row = {
  id: string;
  name: string;
  accountId: string;
  userId: string;
  scopes: string[];
  hits: number;
  windowStartedAt: Date | string;
  userName: string;
  role: UserRole;
  active: boolean;
};

/**
 * What a token's actor holds. An Administrator's token with every scope is that Administrator.
 * With fewer it acts as a User granted exactly its scopes: the delegation rules then apply as
 * to any delegate, so a token scoped to "Users: Create" cannot make an Administrator or take
 * one over, whoever made it. A User's token keeps their grants and overrides, within scopes.
 */
async function tokenPermissions(
  row: Pick<Row, "role" | "userId">,
  scopes: ReadonlySet<PermissionKey>,
): Promise<Pick<Actor, "role" | "grants" | "overrides">> {
  if (row.role !== "administrator") {
    return { role: "user", ...(await loadPermissions(row.userId)) };
  }
  if (allPermissionKeys.every((key) => scopes.has(key))) return { role: "administrator" };
  const grantedBy = ["the API token's scopes"];
  return { role: "user", grants: new Map([...scopes].map((key) => [key, grantedBy])) };
}

/**
 * Who an `Authorization: Bearer sbk_…` request acts for: the token's creator, bounded by the
 * token's scopes. One UPDATE finds the token (unrevoked, unexpired), counts the request in
 * the token's fixed one-minute window and notes its last use, so a revoked token fails on
 * the very next request and the limit holds across server processes.
 */
export async function authenticateApiToken(
  authorization: string | null,
  clientAddress: string,
  now: Date = new Date(),
): Promise<ApiAuthentication> {
  const token = bearerToken(authorization);
  if (!token) {
    return {
      ok: false,
      status: 401,
      detail: "Send an API token as `Authorization: Bearer sbk_…`.",
    };
  }
  const windowStart = new Date(now.getTime() - rateWindowMs).toISOString();
  const at = now.toISOString();
  const result = await getDb().execute(sql`
    with used as (
      update api_tokens t
         set last_used_at = ${at}::timestamptz,
             last_used_address = ${clientAddress},
             rate_window_hits = case when t.rate_window_started_at > ${windowStart}::timestamptz
                                     then t.rate_window_hits + 1 else 1 end,
             rate_window_started_at = case when t.rate_window_started_at > ${windowStart}::timestamptz
                                     then t.rate_window_started_at else ${at}::timestamptz end
       where t.token_hash = ${hashApiToken(token)}
         and t.revoked_at is null
         and (t.expires_at is null or t.expires_at > ${at}::timestamptz)
      returning t.id, t.name, t.account_id, t.created_by_user_id, t.scopes,
                t.rate_window_hits, t.rate_window_started_at)
    select used.id, used.name, used.account_id as "accountId", used.created_by_user_id as "userId",
           used.scopes, used.rate_window_hits as hits,
           used.rate_window_started_at as "windowStartedAt",
           u.user_name as "userName", u.role, u.active
      from used
      join users u on u.id = used.created_by_user_id and u.account_id = used.account_id`);
  const [row] = (result as unknown as { rows: Row[] }).rows;
  if (!row?.active) {
    return {
      ok: false,
      status: 401,
      detail: "The API token is unknown, revoked or expired, or its owner is inactive.",
    };
  }
  const limit = env.API_RATE_LIMIT_PER_MINUTE;
  const windowEnds = new Date(row.windowStartedAt).getTime() + rateWindowMs;
  const rate = {
    limit,
    remaining: Math.max(limit - row.hits, 0),
    resetSeconds: Math.max(Math.ceil((windowEnds - now.getTime()) / 1000), 1),
  };
  if (row.hits > limit) {
    return {
      ok: false,
      status: 429,
      detail: `This token may make ${limit} requests a minute; try again in ${rate.resetSeconds} s.`,
      rate,
    };
  }
  const scopes = new Set(row.scopes.filter(isPermissionKey));
  const actor: Actor = {
    ...(await tokenPermissions(row, scopes)),
    scopes,
    id: row.userId,
    accountId: row.accountId,
    userName: row.userName,
    clientAddress,
    apiToken: { id: row.id, name: row.name },
  };
  return { ok: true, actor, rate };
}
