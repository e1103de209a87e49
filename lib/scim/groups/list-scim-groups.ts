import "server-only";
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ScimError } from "../scim-error";
import type { ScimComparison } from "../scim-filter";
import { membersOfGroups } from "./scim-group-members";
import { type ScimGroup, toScimGroup } from "./scim-group-resource";

/** The attributes a Groups filter may name (lower-cased). */
export const groupFilterAttributes = ["displayname", "externalid", "id"] as const;

/**
 * displayName compares case-insensitively (caseExact false in RFC 7643 §4.2, and names are
 * unique per account in any letter case); externalId exactly. Identity providers look a
 * group up by one of them before creating it, so only eq is offered.
 */
function condition({ attribute, operator, value }: ScimComparison): SQL {
  if (operator !== "eq" || typeof value !== "string") {
    throw new ScimError(400, `Compare ${attribute} with eq and a quoted string.`, "invalidFilter");
  }
  if (attribute === "displayname") return sql`lower(${groups.name}) = ${value.toLowerCase()}`;
  if (attribute === "externalid") return eq(groups.externalId, value);
  // id: a value that is not a uuid matches nothing rather than failing the cast.
  return sql`${groups.id}::text = ${value.toLowerCase()}`;
}

export type ListScimGroupsOptions = {
  actor: Actor;
  comparisons: ScimComparison[];
  offset: number;
  count: number;
  baseUrl: string;
  /** False (excludedAttributes=members) reads no members: large groups cost nothing then. */
  withMembers: boolean;
};

/** One page of the account's groups for SCIM, oldest first: a stable order for startIndex. */
export async function listScimGroups({
  actor,
  comparisons,
  offset,
  count: limit,
  baseUrl,
  withMembers,
}: ListScimGroupsOptions): Promise<{ resources: ScimGroup[]; totalResults: number }> {
  assertCan(actor, "groups", "view");
  const db = getDb();
  const where = and(eq(groups.accountId, actor.accountId), ...comparisons.map(condition));
  const [total] = await db.select({ total: count() }).from(groups).where(where);
  const rows =
    limit === 0
      ? []
      : await db
          .select()
          .from(groups)
          .where(where)
          .orderBy(asc(groups.createdAt), asc(groups.id))
          .offset(offset)
          .limit(limit);
  const members = withMembers
    ? await membersOfGroups(
        db,
        rows.map((row) => row.id),
      )
    : undefined;
  return {
    resources: rows.map((row) => toScimGroup(row, members && (members.get(row.id) ?? []), baseUrl)),
    totalResults: total?.total ?? 0,
  };
}
