import "server-only";
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { UserListQuery, UserListSort } from "./schemas";
import {
  decodeUserListCursor,
  encodeUserListCursor,
  type UserListCursor,
} from "./user-list-cursor";
import { userSearchCondition } from "./user-search";

export const userPageSize = 50;

export type UserListRow = {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  color: string;
  role: "user" | "administrator";
  /** The provider reported the email as bouncing: the list marks it. */
  emailUndeliverable: boolean;
};

export type UserListPage = {
  rows: UserListRow[];
  /** Opaque cursors for the next and previous pages, when there are any. */
  nextAfter?: string;
  previousBefore?: string;
};

const sortColumns = {
  userName: users.userName,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
} satisfies Record<UserListSort, unknown>;

function keysetPosition(sortKey: SQL, cursor: UserListCursor, op: SQL): SQL {
  return sql`(${sortKey}, ${users.id}) ${op} (${cursor.value}, ${cursor.id}::uuid)`;
}

export type ListUsersOptions = {
  actor: Actor;
  query: Pick<UserListQuery, "status" | "q"> & Partial<UserListQuery>;
  /** Rows per page (the REST API's `limit`); default: the User List's 50. */
  limit?: number;
};

/**
 * One page of the User List, sorted by one column (lower-cased, the id breaking ties)
 * either way. Keyset paging on an index per column (never OFFSET), and a trigram index
 * on the searched text, keep every page as fast as the first at 100k users.
 */
export async function listUsers({
  actor,
  query,
  limit = userPageSize,
}: ListUsersOptions): Promise<UserListPage> {
  assertCan(actor, "users", "view");
  const sortKey = sql<string>`lower(${sortColumns[query.sort ?? "userName"]})`;
  const descending = query.dir === "desc";
  const after = decodeUserListCursor(query.after);
  const at = decodeUserListCursor(query.at);
  const before = after || at ? undefined : decodeUserListCursor(query.before);
  // Reading backwards (the page before a cursor) walks the index the other way.
  const backwards = Boolean(before);
  const forwardOp = descending ? sql`<` : sql`>`;
  const position = (cursor: UserListCursor, op: SQL) => keysetPosition(sortKey, cursor, op);
  const orderAscending = descending === backwards;
  const anyBefore = async (cursor: UserListCursor) => {
    const [row] = await getDb()
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.accountId, actor.accountId),
          eq(users.active, query.status === "active"),
          userSearchCondition(query.q),
          position(cursor, descending ? sql`>` : sql`<`),
        ),
      )
      .limit(1);
    return Boolean(row);
  };
  const rows = await getDb()
    .select({
      id: users.id,
      userName: users.userName,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      color: users.color,
      role: users.role,
      emailUndeliverable: sql<boolean>`${users.emailUndeliverableAt} is not null`,
      sortKey,
    })
    .from(users)
    .where(
      and(
        eq(users.accountId, actor.accountId),
        eq(users.active, query.status === "active"),
        userSearchCondition(query.q),
        after ? position(after, forwardOp) : undefined,
        at ? position(at, descending ? sql`<=` : sql`>=`) : undefined,
        before ? position(before, descending ? sql`>` : sql`<`) : undefined,
      ),
    )
    .orderBy(...(orderAscending ? [asc(sortKey), asc(users.id)] : [desc(sortKey), desc(users.id)]))
    .limit(limit + 1);

  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const cursor = (row: (typeof page)[number] | undefined) =>
    row ? encodeUserListCursor({ value: row.sortKey, id: row.id }) : undefined;
  // A page that starts at a user has a previous page only if someone sorts before them.
  const startsAfterSomething = Boolean(after) || (at ? await anyBefore(at) : false);
  return {
    rows: page.map(({ sortKey: _key, ...row }) => row),
    nextAfter: (backwards ? page.length > 0 : hasMore) ? cursor(page.at(-1)) : undefined,
    previousBefore: (backwards ? hasMore : startsAfterSomething) ? cursor(page[0]) : undefined,
  };
}
