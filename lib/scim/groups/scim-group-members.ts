import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupMembers, users } from "@/db/schema";
import { isUuid } from "@/lib/uuid";
import { ScimError } from "../scim-error";
import type { ScimMember } from "./scim-group-resource";

/**
 * The members of these groups (one query for a page), by group, in user id order: a stable
 * order, so a group's version changes only when its members do.
 */
export async function membersOfGroups(
  db: Executor,
  groupIds: string[],
): Promise<Map<string, ScimMember[]>> {
  const byGroup = new Map<string, ScimMember[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return byGroup;
  const rows = await db
    .select({ groupId: groupMembers.groupId, id: users.id, userName: users.userName })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(inArray(groupMembers.groupId, groupIds))
    .orderBy(asc(groupMembers.groupId), asc(groupMembers.userId));
  for (const row of rows) byGroup.get(row.groupId)?.push({ id: row.id, userName: row.userName });
  return byGroup;
}

/**
 * Refuses member ids that are no user of the account, naming the first, before anything is
 * written: an identity provider's log then says which of its users Switchboard lacks.
 * Another account's user is as unknown as a made-up id.
 */
export async function assertAccountUsers(
  db: Executor,
  accountId: string,
  userIds: string[],
): Promise<void> {
  const unknown = (id: string) =>
    new ScimError(400, `members: there is no user with the id "${id}".`, "invalidValue");
  const malformed = userIds.find((id) => !isUuid(id));
  if (malformed !== undefined) throw unknown(malformed);
  if (userIds.length === 0) return;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.accountId, accountId), inArray(users.id, userIds)));
  const known = new Set(found.map((row) => row.id.toLowerCase()));
  const missing = userIds.find((id) => !known.has(id.toLowerCase()));
  if (missing !== undefined) throw unknown(missing);
}
