import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { escapeLike } from "@/lib/sql/escape-like";

/** Matches a fragment of user name, first and last name or email (trigram-indexed). */
export function userSearchCondition(q: string) {
  const term = q.trim().toLowerCase();
  return term ? sql`${users.searchText} like ${`%${escapeLike(term)}%`}` : undefined;
}
