import "server-only";
import { and, desc, eq, gte, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { accountActivity, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { type PersonFilter, resolvePersonFilter } from "./person-filter";
import type { ActivityQuery } from "./schemas";

export const activityPageSize = 50;

export type ListActivityOptions = {
  actor: Actor;
  query: ActivityQuery;
  /** Rows per page (the REST API's `limit`); default: the page's 50. */
  limit?: number;
};

// The actor and target as they are now, when they still exist: for their colour and a link.
const actorUser = alias(users, "actor_user");
const targetUser = alias(users, "target_user");

/**
 * Newest first, 50 a page unless asked otherwise. Those who may view all see their
 * account's activity; everyone else sees the rows where they are the actor or the target.
 * The Actor and Target filters take part of a name (see person-filter.ts) and report what
 * they matched.
 */
export async function listActivity({
  actor,
  query,
  limit = activityPageSize,
}: ListActivityOptions) {
  const viewAll = can(actor, "activity", "view_all");
  if (!viewAll) assertCan(actor, "activity", "view_own");
  const [actorFilter, targetFilter] = await Promise.all([
    resolvePersonFilter(actor, query.actor),
    resolvePersonFilter(actor, query.target),
  ]);
  const rows = await getDb()
    .select({
      id: accountActivity.id,
      kind: accountActivity.kind,
      actorLabel: accountActivity.actorLabel,
      actorTokenLabel: accountActivity.actorTokenLabel,
      targetLabel: accountActivity.targetLabel,
      details: accountActivity.details,
      clientAddress: accountActivity.clientAddress,
      createdAt: accountActivity.createdAt,
      actorUserId: actorUser.id,
      actorColor: actorUser.color,
      targetUserId: targetUser.id,
      targetColor: targetUser.color,
    })
    .from(accountActivity)
    .leftJoin(
      actorUser,
      and(
        eq(actorUser.id, accountActivity.actorUserId),
        eq(actorUser.accountId, accountActivity.accountId),
      ),
    )
    .leftJoin(
      targetUser,
      and(
        eq(targetUser.id, accountActivity.targetUserId),
        eq(targetUser.accountId, accountActivity.accountId),
      ),
    )
    .where(
      and(
        eq(accountActivity.accountId, actor.accountId),
        viewAll
          ? undefined
          : or(
              eq(accountActivity.actorUserId, actor.id),
              eq(accountActivity.targetUserId, actor.id),
            ),
        actorFilter?.where({
          userId: accountActivity.actorUserId,
          label: accountActivity.actorLabel,
        }),
        targetFilter?.where({
          userId: accountActivity.targetUserId,
          label: accountActivity.targetLabel,
        }),
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
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const people: { actor?: PersonFilter; target?: PersonFilter } = {
    actor: actorFilter?.filter,
    target: targetFilter?.filter,
  };
  return {
    rows: page,
    viewAll,
    people,
    nextBefore: rows.length > limit ? page.at(-1)?.id : undefined,
  };
}

export type ActivityPage = Awaited<ReturnType<typeof listActivity>>;
export type ActivityListRow = ActivityPage["rows"][number];
export type { PersonFilter };
