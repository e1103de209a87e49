import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Feature, features, seats, users } from "@/db/schema";
import { callFlowStepTo } from "./call-flow-steps";

const seatOf = (userName: string) => `the seat of ${userName}`;

/**
 * Where a feature is in use, as sentences for the delete confirmation: the seat it is
 * assigned to, call flows that go to it (ring groups, mailboxes) and ring groups that
 * ring it (devices). Empty when deleting it touches nothing else.
 */
export async function featureUsage(
  db: Executor,
  feature: Pick<Feature, "id" | "kind" | "instanceId" | "seatId" | "extension">,
): Promise<string[]> {
  const usage: string[] = [];
  if (feature.seatId) {
    const [seat] = await db
      .select({ userName: users.userName })
      .from(seats)
      .innerJoin(users, eq(users.id, seats.userId))
      .where(eq(seats.id, feature.seatId));
    if (seat) usage.push(`It is assigned to ${seatOf(seat.userName)}.`);
  }
  const step = callFlowStepTo(feature);
  if (step) {
    const flows = await db
      .select({ userName: users.userName })
      .from(seats)
      .innerJoin(users, eq(users.id, seats.userId))
      .where(
        and(
          eq(seats.instanceId, feature.instanceId),
          sql`${seats.callFlow} @> ${JSON.stringify([step])}::jsonb`,
        ),
      )
      .orderBy(users.userName)
      .limit(5);
    for (const flow of flows) {
      usage.push(`The call flow of ${seatOf(flow.userName)} goes to it: that step is taken out.`);
    }
  }
  if (feature.kind === "device") {
    const groups = await db
      .select({ name: features.name })
      .from(features)
      .where(
        and(
          eq(features.instanceId, feature.instanceId),
          eq(features.kind, "ring_group"),
          sql`${features.settings}->'members' @> ${JSON.stringify([feature.id])}::jsonb`,
        ),
      )
      .orderBy(features.name)
      .limit(5);
    for (const group of groups)
      usage.push(`Ring group ${group.name} rings it: it leaves the group.`);
  }
  return usage;
}
