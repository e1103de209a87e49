import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

/** The account's groups with their member counts, by name. */
export async function listGroups({ actor }: { actor: Actor }) {
  assertCan(actor, "groups", "view");
  return getDb()
    .select({
      id: groups.id,
      name: groups.name,
      description: groups.description,
      memberCount: sql<number>`(select count(*)::int from ${groupMembers} where ${groupMembers.groupId} = ${groups.id})`,
    })
    .from(groups)
    .where(eq(groups.accountId, actor.accountId))
    .orderBy(asc(sql`lower(${groups.name})`));
}

export type GroupListRow = Awaited<ReturnType<typeof listGroups>>[number];
