import "server-only";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/sql/escape-like";
import { suggestUsers } from "@/lib/users/suggest-users";

export type MatchedPerson = { id: string; userName: string; firstName: string; lastName: string };

/** What an Actor or Target filter matched, so the page can say whose activity it shows. */
export type PersonFilter =
  | {
      text: string;
      by: "users";
      /** The user name, email or full name of these users is the text itself. */
      exact: boolean;
      users: MatchedPerson[];
      /** More users contain the text than are filtered by (the first ten by name). */
      more: boolean;
    }
  | {
      text: string;
      /** The recorded actor or target names contain the text. */
      by: "recorded_names";
      /** Whether the viewer could have been shown users (and no current user matched). */
      searchedUsers: boolean;
    };

export type ResolvedPersonFilter = { filter: PersonFilter; where: (column: Columns) => SQL };
type Columns = { userId: AnyPgColumn; label: AnyPgColumn };

/**
 * Turns what was typed in the Actor or Target filter into a condition:
 * - the user whose user name, email or full name it is (what the picker puts there);
 * - else every user whose name, user name or email contains it (at most ten: the rows
 *   come from the indexes on actor and target user ids, and the page lists them);
 * - else, or when the viewer may not view users, the rows whose recorded name contains
 *   it: users since deleted, names before a rename. This reads the account's rows
 *   newest first, so it is the slow path, taken only when no current user matches.
 */
export async function resolvePersonFilter(
  actor: Actor,
  text: string,
): Promise<ResolvedPersonFilter | undefined> {
  const typed = text.trim().replace(/\s+/g, " ");
  if (typed === "") return undefined;
  const searchedUsers = can(actor, "users", "view");
  if (searchedUsers) {
    const found = await suggestUsers({ actor, q: typed });
    const exact = found.users.filter((user) => user.exact);
    const chosen = exact.length > 0 ? exact : found.users;
    if (chosen.length > 0) {
      const ids = chosen.map((user) => user.id);
      return {
        filter: {
          text: typed,
          by: "users",
          exact: exact.length > 0,
          users: chosen.map(({ id, userName, firstName, lastName }) => ({
            id,
            userName,
            firstName,
            lastName,
          })),
          more: exact.length === 0 && found.more,
        },
        where: ({ userId }) => inArray(userId, ids),
      };
    }
  }
  const pattern = `%${escapeLike(typed.toLowerCase())}%`;
  return {
    filter: { text: typed, by: "recorded_names", searchedUsers },
    where: ({ label }) => sql`lower(${label}) like ${pattern}`,
  };
}
