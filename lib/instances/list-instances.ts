import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type InstanceStatus, instances } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { decodeNameCursor, encodeNameCursor } from "./list-cursor";

export type { InstanceStatus };

export const instancePageSize = 50;

export type InstanceListRow = {
  id: string;
  name: string;
  region: string;
  status: InstanceStatus;
  lastRebuiltAt: Date | null;
};

export type InstanceListPage = {
  rows: InstanceListRow[];
  /** Opaque cursor of the next page, when there is one. */
  nextAfter?: string;
};

export type ListInstancesOptions = {
  actor: Actor;
  after?: string;
  /** Rows per page (the REST API's `limit`); default: the instance list's 50. */
  limit?: number;
};

/** One page of the account's instances by name, keyset-paged on (lower(name), id). */
export async function listInstances({
  actor,
  after,
  limit = instancePageSize,
}: ListInstancesOptions): Promise<InstanceListPage> {
  assertCan(actor, "instances", "view");
  const cursor = decodeNameCursor(after);
  const sortName = sql<string>`lower(${instances.name})`;
  const rows = await getDb()
    .select({
      id: instances.id,
      name: instances.name,
      region: instances.region,
      status: instances.status,
      lastRebuiltAt: instances.lastRebuiltAt,
      sortName,
    })
    .from(instances)
    .where(
      and(
        eq(instances.accountId, actor.accountId),
        cursor
          ? sql`(${sortName}, ${instances.id}) > (${cursor.name}, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(sortName), asc(instances.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ sortName: _name, ...row }) => row),
    nextAfter:
      rows.length > limit && last
        ? encodeNameCursor({ name: last.sortName, id: last.id })
        : undefined,
  };
}
