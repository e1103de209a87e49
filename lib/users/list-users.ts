import "server-only";
import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { UserListQuery } from "./schemas";

export const userPageSize = 50;

export type UserListRow = {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  color: string;
  role: "user" | "administrator";
};

export type UserListPage = {
  rows: UserListRow[];
  /** Cursors for the next and previous pages (a lower-cased user name), when there are any. */
  nextAfter?: string;
  previousBefore?: string;
};

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * One page of the User List, ordered by user name. Keyset paging (never OFFSET)
 * and a trigram index on the searched text keep it fast at 100k users.
 */
export async function listUsers({
  actor,
  query,
}: {
  actor: Actor;
  query: UserListQuery;
}): Promise<UserListPage> {
  assertCan(actor, "users", "view");
  const sortKey = sql<string>`lower(${users.userName})`;
  const backwards = Boolean(query.before) && !query.after;
  const term = query.q.toLowerCase();
  const rows = await getDb()
    .select({
      id: users.id,
      userName: users.userName,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      color: users.color,
      role: users.role,
      sortKey,
    })
    .from(users)
    .where(
      and(
        eq(users.accountId, actor.accountId),
        eq(users.active, query.status === "active"),
        term ? sql`${users.searchText} like ${`%${escapeLike(term)}%`}` : undefined,
        query.after ? gt(sortKey, query.after) : undefined,
        backwards && query.before ? lt(sortKey, query.before) : undefined,
      ),
    )
    .orderBy(backwards ? desc(sortKey) : asc(sortKey))
    .limit(userPageSize + 1);

  const hasMore = rows.length > userPageSize;
  const page = rows.slice(0, userPageSize);
  if (backwards) page.reverse();
  const first = page[0]?.sortKey;
  const last = page.at(-1)?.sortKey;
  return {
    rows: page.map(({ sortKey: _key, ...row }) => row),
    nextAfter: (backwards ? page.length > 0 : hasMore) ? last : undefined,
    previousBefore: (backwards ? hasMore : Boolean(query.after)) ? first : undefined,
  };
}
