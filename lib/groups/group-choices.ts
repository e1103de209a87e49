import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

/** The groups the User Groups check boxes offer, and which of them the user is in. */
export async function getGroupChoices({ actor, userId }: { actor: Actor; userId?: string }) {
  if (!can(actor, "groups", "view")) return { groups: [], memberOf: [] };
  const db = getDb();
  const [choices, memberships] = await Promise.all([
    db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.accountId, actor.accountId))
      .orderBy(asc(sql`lower(${groups.name})`)),
    userId
      ? db
          .select({ groupId: groupMembers.groupId })
          .from(groupMembers)
          .innerJoin(groups, eq(groups.id, groupMembers.groupId))
          .where(and(eq(groupMembers.userId, userId), eq(groups.accountId, actor.accountId)))
      : Promise.resolve([]),
  ]);
  return { groups: choices, memberOf: memberships.map((row) => row.groupId) };
}
