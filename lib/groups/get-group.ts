import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountGroup, groupPermissionKeys } from "./find-group";

/** One group with its members and the actions it grants. */
export async function getGroup({ actor, groupId }: { actor: Actor; groupId: string }) {
  assertCan(actor, "groups", "view");
  const db = getDb();
  const group = await findAccountGroup(db, actor.accountId, groupId);
  const [members, permissions] = await Promise.all([
    db
      .select({
        id: users.id,
        userName: users.userName,
        firstName: users.firstName,
        lastName: users.lastName,
        color: users.color,
        active: users.active,
      })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(eq(groupMembers.groupId, group.id))
      .orderBy(asc(sql`lower(${users.userName})`)),
    groupPermissionKeys(db, group.id),
  ]);
  return { ...group, members, permissions };
}
