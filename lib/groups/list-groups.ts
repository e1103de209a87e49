import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

export type ListGroupsOptions = {
  actor: Actor;
  /** The name of the last group already read: the list goes on after it (REST API paging). */
  after?: string;
  /** At most this many groups (the REST API's page); default: all, as the Group List shows. */
  limit?: number;
};

/**
 * The account's groups with their member counts, by name. Names are unique per account
 * without regard to letter case, so the name alone is a keyset position on that index.
 */
export async function listGroups({ actor, after, limit }: ListGroupsOptions) {
  assertCan(actor, "groups", "view");
  const query = getDb()
    .select({
      id: groups.id,
      name: groups.name,
      description: groups.description,
      memberCount: sql<number>`(select count(*)::int from ${groupMembers} where ${groupMembers.groupId} = ${groups.id})`,
    })
    .from(groups)
    .where(
      and(
        eq(groups.accountId, actor.accountId),
        after === undefined ? undefined : sql`lower(${groups.name}) > lower(${after}::text)`,
      ),
    )
    .orderBy(asc(sql`lower(${groups.name})`));
  return limit === undefined ? query : query.limit(limit);
}

export type GroupListRow = Awaited<ReturnType<typeof listGroups>>[number];
