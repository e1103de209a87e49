import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/sql/escape-like";

export const defaultSuggestionLimit = 10;
const maxSuggestionLimit = 50;
const maxTermLength = 254;

export type UserSuggestion = {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  color: string;
  active: boolean;
  /** The text is this user's user name, email or full name, not just a part of one. */
  exact: boolean;
};

export type UserSuggestions = {
  users: UserSuggestion[];
  /** More users match than were returned: typing more of the name narrows them. */
  more: boolean;
};

export type SuggestUsersOptions = {
  actor: Actor;
  /** What was typed: part of a name, a user name or an email, in any letter case. */
  q: string;
  limit?: number;
};

/** The typed text as search_text holds it: lower case, words one space apart. */
export function suggestionTerm(q: string): string {
  return q.trim().replace(/\s+/g, " ").toLowerCase().slice(0, maxTermLength);
}

type Row = {
  id: string;
  user_name: string;
  first_name: string;
  last_name: string;
  email: string;
  color: string;
  active: boolean;
  rank: number;
};

/**
 * The users of the actor's account that a picker offers for what was typed, best first:
 * exact user name, email or full name; then names, user names or emails that start with
 * it; then those that merely contain it; inactive users last; by user name within each.
 *
 * Each tier is its own LIMITed query so it stops early: the common fragments walk
 * users_list_idx in user-name order and stop at the limit, the rare ones come from the
 * trigram index on search_text, and exact user names and emails from their unique
 * indexes. Sorting every match of "a" in a 100k-user account instead takes ~10x longer.
 */
export async function suggestUsers({
  actor,
  q,
  limit = defaultSuggestionLimit,
}: SuggestUsersOptions): Promise<UserSuggestions> {
  assertCan(actor, "users", "view");
  const term = suggestionTerm(q);
  if (term === "") return { users: [], more: false };
  const size = Math.min(Math.max(1, Math.trunc(limit)), maxSuggestionLimit);
  const contains = `%${escapeLike(term)}%`;
  const startsWith = `${escapeLike(term)}%`;
  const wordStart = `% ${escapeLike(term)}%`;
  // One more than asked in each tier tells whether there are more matches than shown.
  const tierLimit = size + 1;
  const fullNameIsTerm = sql`lower(trim(first_name || ' ' || last_name)) = ${term}`;
  const columns = sql.raw("id, user_name, first_name, last_name, email, color, active");
  const result = await getDb().execute(sql`
    select ${columns}, rank from (
      select distinct on (id) ${columns}, rank from (
        (select ${columns}, 0 as rank from users
          where account_id = ${actor.accountId}
            and (lower(user_name) = ${term} or lower(email) = ${term}))
        union all
        (select ${columns}, case when ${fullNameIsTerm} then 0 else 1 end from users
          where account_id = ${actor.accountId} and active
            and (search_text like ${startsWith} or search_text like ${wordStart})
          order by lower(user_name) limit ${tierLimit})
        union all
        (select ${columns}, case when ${fullNameIsTerm} then 0 else 2 end from users
          where account_id = ${actor.accountId} and active and search_text like ${contains}
          order by lower(user_name) limit ${tierLimit})
        union all
        (select ${columns}, case when ${fullNameIsTerm} then 0 else 3 end from users
          where account_id = ${actor.accountId} and not active and search_text like ${contains}
          order by lower(user_name) limit ${tierLimit})
      ) as candidates
      order by id, rank
    ) as best
    order by rank, active desc, lower(user_name)
    limit ${tierLimit}`);
  // node-postgres and PGlite both answer raw queries with { rows }.
  const rows = (result as unknown as { rows: Row[] }).rows;
  return {
    users: rows.slice(0, size).map((row) => ({
      id: row.id,
      userName: row.user_name,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      color: row.color,
      active: row.active,
      exact: Number(row.rank) === 0,
    })),
    more: rows.length > size,
  };
}
