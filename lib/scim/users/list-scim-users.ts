import "server-only";
import { and, asc, count, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { groupMembers, groups, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/sql/escape-like";
import { type UserRecord, userColumns } from "@/lib/users/user-record";
import { ScimError } from "../scim-error";
import type { ScimComparison } from "../scim-filter";
import type { ScimGroupRef } from "./scim-user-resource";

/** The attributes a Users filter may name (lower-cased). */
export const userFilterAttributes = [
  "username",
  "externalid",
  "emails",
  "emails.value",
  "active",
  "id",
] as const;

function textCondition(column: SQL, comparison: ScimComparison): SQL {
  const value = String(comparison.value).toLowerCase();
  switch (comparison.operator) {
    case "eq":
      return sql`${column} = ${value}`;
    case "ne":
      return sql`${column} <> ${value}`;
    case "co":
      return sql`${column} like ${`%${escapeLike(value)}%`}`;
    case "sw":
      return sql`${column} like ${`${escapeLike(value)}%`}`;
    case "ew":
      return sql`${column} like ${`%${escapeLike(value)}`}`;
  }
}

/** userName and emails compare case-insensitively (caseExact false in RFC 7643); externalId exactly. */
function condition(comparison: ScimComparison): SQL {
  const { attribute, operator, value } = comparison;
  if (attribute === "active") {
    if (typeof value !== "boolean" || (operator !== "eq" && operator !== "ne")) {
      throw new ScimError(400, "Compare active with eq true or eq false.", "invalidFilter");
    }
    return operator === "eq" ? eq(users.active, value) : ne(users.active, value);
  }
  if (typeof value !== "string") {
    throw new ScimError(400, `Compare ${attribute} with a quoted string.`, "invalidFilter");
  }
  // The userName SCIM shows: the identity provider's when it is not a user name here.
  if (attribute === "username") {
    return textCondition(
      sql`lower(coalesce(${users.scimUserName}, ${users.userName}))`,
      comparison,
    );
  }
  if (attribute === "emails" || attribute === "emails.value") {
    return textCondition(sql`lower(${users.email})`, comparison);
  }
  if (operator !== "eq" && operator !== "ne") {
    throw new ScimError(400, `Compare ${attribute} with eq or ne.`, "invalidFilter");
  }
  if (attribute === "externalid") {
    return operator === "eq"
      ? eq(users.externalId, value)
      : sql`${users.externalId} is distinct from ${value}`;
  }
  // id: a value that is not a uuid matches nothing rather than failing the cast.
  const id = sql`${users.id}::text`;
  const lowered = value.toLowerCase();
  return operator === "eq" ? sql`${id} = ${lowered}` : sql`${id} <> ${lowered}`;
}

/** The groups of these users (one query for a page), by user, ordered by name. */
export async function groupsOfUsers(
  db: Executor,
  accountId: string,
  userIds: string[],
): Promise<Map<string, ScimGroupRef[]>> {
  const byUser = new Map<string, ScimGroupRef[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: groupMembers.userId, id: groups.id, name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(inArray(groupMembers.userId, userIds), eq(groups.accountId, accountId)))
    .orderBy(sql`lower(${groups.name})`, groups.id);
  for (const row of rows) byUser.get(row.userId)?.push({ id: row.id, name: row.name });
  return byUser;
}

export type ScimUserPage = {
  users: { user: UserRecord; groups: ScimGroupRef[] }[];
  totalResults: number;
};

/**
 * One page of the actor's account's users for SCIM: every user, active or not, oldest first
 * (a stable order for startIndex paging), filtered as identity providers ask.
 */
export async function listScimUsers({
  actor,
  comparisons,
  offset,
  count: limit,
}: {
  actor: Actor;
  comparisons: ScimComparison[];
  offset: number;
  count: number;
}): Promise<ScimUserPage> {
  assertCan(actor, "users", "view");
  const db = getDb();
  const where = and(eq(users.accountId, actor.accountId), ...comparisons.map(condition));
  const [total] = await db.select({ total: count() }).from(users).where(where);
  const rows =
    limit === 0
      ? []
      : await db
          .select(userColumns)
          .from(users)
          .where(where)
          .orderBy(asc(users.createdAt), asc(users.id))
          .offset(offset)
          .limit(limit);
  const memberships = await groupsOfUsers(
    db,
    actor.accountId,
    rows.map((row) => row.id),
  );
  return {
    users: rows.map((user) => ({ user, groups: memberships.get(user.id) ?? [] })),
    totalResults: total?.total ?? 0,
  };
}
