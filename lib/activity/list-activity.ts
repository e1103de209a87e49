import "server-only";
import { and, desc, eq, gte, lt, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { accountActivity, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import type { ActivityQuery } from "./schemas";

export const activityPageSize = 50;

const labelMatches = (column: AnyPgColumn, name: string) =>
  eq(sql`lower(${column})`, name.toLowerCase());

/**
 * Newest first, 50 a page. Those who may view all see their account's activity;
 * everyone else sees the rows where they are the actor or the target.
 */
export async function listActivity({ actor, query }: { actor: Actor; query: ActivityQuery }) {
  const viewAll = can(actor, "activity", "view_all");
  if (!viewAll) assertCan(actor, "activity", "view_own");
  const rows = await getDb()
    .select({
      id: accountActivity.id,
      kind: accountActivity.kind,
      actorLabel: accountActivity.actorLabel,
      targetLabel: accountActivity.targetLabel,
      details: accountActivity.details,
      clientAddress: accountActivity.clientAddress,
      createdAt: accountActivity.createdAt,
      actorColor: sql<
        string | null
      >`(select ${users.color} from ${users} where ${users.id} = ${accountActivity.actorUserId})`,
      targetColor: sql<
        string | null
      >`(select ${users.color} from ${users} where ${users.id} = ${accountActivity.targetUserId})`,
    })
    .from(accountActivity)
    .where(
      and(
        eq(accountActivity.accountId, actor.accountId),
        viewAll
          ? undefined
          : or(
              eq(accountActivity.actorUserId, actor.id),
              eq(accountActivity.targetUserId, actor.id),
            ),
        query.actor ? labelMatches(accountActivity.actorLabel, query.actor) : undefined,
        query.target ? labelMatches(accountActivity.targetLabel, query.target) : undefined,
        query.kind ? eq(accountActivity.kind, query.kind) : undefined,
        query.from
          ? gte(accountActivity.createdAt, new Date(`${query.from}T00:00:00Z`))
          : undefined,
        query.to
          ? lt(
              accountActivity.createdAt,
              new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000),
            )
          : undefined,
        query.before ? lt(accountActivity.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(accountActivity.id))
    .limit(activityPageSize + 1);
  const page = rows.slice(0, activityPageSize);
  return {
    rows: page,
    viewAll,
    nextBefore: rows.length > activityPageSize ? page.at(-1)?.id : undefined,
  };
}
