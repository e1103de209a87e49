import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features, seats, templates, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountInstance } from "./find-instance";
import { decodeNameCursor, encodeNameCursor } from "./list-cursor";

export const seatPageSize = 50;

export type SeatListRow = {
  id: string;
  userId: string;
  userName: string;
  firstName: string;
  lastName: string;
  extension: string | null;
  templateName: string | null;
  /** The template version the seat was made from. */
  templateVersion: number | null;
  /** True when the template has been edited since: the seat lags behind it. */
  olderVersion: boolean;
  featureCount: number;
};

export type SeatListPage = { rows: SeatListRow[]; nextAfter?: string };

export type ListSeatsOptions = { actor: Actor; instanceId: string; after?: string };

/** One page of an instance's seats by their user's user name, keyset-paged. */
export async function listSeats({
  actor,
  instanceId,
  after,
}: ListSeatsOptions): Promise<SeatListPage> {
  assertCan(actor, "instances", "view");
  const db = getDb();
  const instance = await findAccountInstance(db, actor.accountId, instanceId);
  const cursor = decodeNameCursor(after);
  const sortName = sql<string>`lower(${users.userName})`;
  const rows = await db
    .select({
      id: seats.id,
      userId: users.id,
      userName: users.userName,
      firstName: users.firstName,
      lastName: users.lastName,
      extension: seats.extension,
      templateName: templates.name,
      templateVersion: seats.templateVersion,
      currentVersion: templates.version,
      featureCount: sql<number>`(select count(*)::int from ${features} where ${features.seatId} = ${seats.id})`,
      sortName,
    })
    .from(seats)
    .innerJoin(users, eq(users.id, seats.userId))
    .leftJoin(templates, eq(templates.id, seats.templateId))
    .where(
      and(
        eq(seats.instanceId, instance.id),
        // User names are unique (lower-cased) and a user has one seat per instance, so the
        // name alone places the cursor. A plain bound lets the planner walk the user-name
        // index from there; a row comparison with the seat's id (two tables) was only a join
        // filter, and a page deep in a big instance walked every user before it.
        cursor ? gt(sortName, cursor.name) : undefined,
      ),
    )
    .orderBy(asc(sortName), asc(seats.id))
    .limit(seatPageSize + 1);
  const page = rows.slice(0, seatPageSize);
  const last = page.at(-1);
  return {
    rows: page.map(({ sortName: _name, currentVersion, ...row }) => ({
      ...row,
      featureCount: Number(row.featureCount),
      olderVersion:
        row.templateVersion !== null &&
        currentVersion !== null &&
        row.templateVersion < currentVersion,
    })),
    nextAfter:
      rows.length > seatPageSize && last
        ? encodeNameCursor({ name: last.sortName, id: last.id })
        : undefined,
  };
}
