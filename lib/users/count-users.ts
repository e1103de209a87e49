import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountUserCounts, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { userSearchCondition } from "./user-search";

/** Searches count exactly up to this many matches, then say "1,000+". */
export const searchCountCap = 1000;

export type UserCounts = { active: number; inactive: number; capped: boolean };

export type CountUsersOptions = { actor: Actor; q: string };

/**
 * The User List's tab counts. Without a search they come from the counts triggers
 * keep (constant time at any size); a search counts its matches, up to a cap.
 */
export async function countUsers({ actor, q }: CountUsersOptions): Promise<UserCounts> {
  assertCan(actor, "users", "view");
  const db = getDb();
  const search = userSearchCondition(q);
  if (!search) {
    const [row] = await db
      .select({ active: accountUserCounts.active, inactive: accountUserCounts.inactive })
      .from(accountUserCounts)
      .where(eq(accountUserCounts.accountId, actor.accountId));
    return { active: row?.active ?? 0, inactive: row?.inactive ?? 0, capped: false };
  }
  const matches = (active: boolean) =>
    db
      .select({ one: sql`1` })
      .from(users)
      .where(and(eq(users.accountId, actor.accountId), eq(users.active, active), search))
      .limit(searchCountCap + 1)
      .as(active ? "active_matches" : "inactive_matches");
  const [row] = await db
    .select({
      active: sql<number>`(select count(*)::int from ${matches(true)})`,
      inactive: sql<number>`(select count(*)::int from ${matches(false)})`,
    })
    .from(sql`(select 1) as one`);
  const active = Math.min(row?.active ?? 0, searchCountCap);
  const inactive = Math.min(row?.inactive ?? 0, searchCountCap);
  return {
    active,
    inactive,
    capped: (row?.active ?? 0) > searchCountCap || (row?.inactive ?? 0) > searchCountCap,
  };
}
