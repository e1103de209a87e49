import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features, seats, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { FeatureColumns } from "./feature-columns";
import { decodeFeatureListCursor, encodeFeatureListCursor } from "./feature-list-cursor";
import { findFeatureInstance } from "./find-feature";
import type { FeatureKind } from "./kinds";
import { type SeatHolder, seatHolder, seatHolderColumns } from "./seat-holder";

export const featurePageSize = 50;

export type FeatureListRow = FeatureColumns & {
  id: string;
  seatId: string | null;
  assignedTo: SeatHolder | null;
};

export type ListFeaturesOptions = {
  actor: Actor;
  instanceId: string;
  kind?: FeatureKind;
  /** The opaque `nextCursor` of the page before. */
  cursor?: string;
  /** Rows per page (the REST API's `limit`); default: the feature list's 50. */
  limit?: number;
};

/**
 * One page of an instance's features, all kinds or one, by name. Keyset paging on
 * (lower(name), id), which features_list_idx and features_kind_list_idx hold in order,
 * keeps every page as fast as the first.
 */
export async function listFeatures({
  actor,
  instanceId,
  kind,
  cursor,
  limit = featurePageSize,
}: ListFeaturesOptions) {
  assertCan(actor, "features", "view");
  const db = getDb();
  const instance = await findFeatureInstance(db, actor.accountId, instanceId);
  const after = decodeFeatureListCursor(cursor);
  const sortKey = sql<string>`lower(${features.name})`;
  const rows = await db
    .select({
      id: features.id,
      kind: features.kind,
      name: features.name,
      phoneNumber: features.phoneNumber,
      macAddress: features.macAddress,
      extension: features.extension,
      settings: features.settings,
      seatId: features.seatId,
      sortKey,
      ...seatHolderColumns,
    })
    .from(features)
    .leftJoin(seats, eq(seats.id, features.seatId))
    .leftJoin(users, eq(users.id, seats.userId))
    .where(
      and(
        eq(features.instanceId, instance.id),
        eq(features.accountId, actor.accountId),
        kind ? eq(features.kind, kind) : undefined,
        after ? sql`(${sortKey}, ${features.id}) > (${after.name}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(sortKey), asc(features.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    instance,
    rows: page.map(
      ({ sortKey: _key, holderId, holderUserName, holderName, ...row }): FeatureListRow => ({
        ...row,
        assignedTo: seatHolder({ holderId, holderUserName, holderName }),
      }),
    ),
    nextCursor:
      rows.length > limit && last
        ? encodeFeatureListCursor({ name: last.sortKey, id: last.id })
        : undefined,
  };
}

export type FeatureListPage = Awaited<ReturnType<typeof listFeatures>>;
