import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { seats } from "@/db/schema";

/** How many seats were made from the template, and how many of them from an older version. */
export async function templateSeatCounts(
  db: Executor,
  template: { id: string; accountId: string; version: number },
) {
  const [counts] = await db
    .select({
      seatCount: sql<number>`count(*)::int`,
      seatsFromOlderVersions: sql<number>`(count(*) filter (where ${seats.templateVersion} < ${template.version}))::int`,
    })
    .from(seats)
    .where(and(eq(seats.accountId, template.accountId), eq(seats.templateId, template.id)));
  return {
    seatCount: counts?.seatCount ?? 0,
    seatsFromOlderVersions: counts?.seatsFromOlderVersions ?? 0,
  };
}
