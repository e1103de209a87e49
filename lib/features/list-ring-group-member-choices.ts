import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features, seats, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findFeatureInstance } from "./find-feature";

export type RingGroupMemberChoice = { id: string; label: string; kind: "seat" | "device" };

const choiceLimit = 500;

/** The seats and devices of an instance, the check boxes of a ring group's members. */
export async function listRingGroupMemberChoices({
  actor,
  instanceId,
}: {
  actor: Actor;
  instanceId: string;
}): Promise<RingGroupMemberChoice[]> {
  assertCan(actor, "features", "view");
  const db = getDb();
  const instance = await findFeatureInstance(db, actor.accountId, instanceId);
  const [seatRows, deviceRows] = await Promise.all([
    db
      .select({
        id: seats.id,
        userName: users.userName,
        name: sql<string>`trim(${users.firstName} || ' ' || ${users.lastName})`,
        extension: seats.extension,
      })
      .from(seats)
      .innerJoin(users, eq(users.id, seats.userId))
      .where(and(eq(seats.instanceId, instance.id), eq(seats.accountId, actor.accountId)))
      .orderBy(asc(sql`lower(${users.userName})`))
      .limit(choiceLimit),
    db
      .select({ id: features.id, name: features.name })
      .from(features)
      .where(
        and(
          eq(features.instanceId, instance.id),
          eq(features.accountId, actor.accountId),
          eq(features.kind, "device"),
        ),
      )
      .orderBy(asc(sql`lower(${features.name})`), asc(features.id))
      .limit(choiceLimit),
  ]);
  return [
    ...seatRows.map((seat) => ({
      id: seat.id,
      kind: "seat" as const,
      label: [
        `Seat of ${seat.name ? `${seat.name} (${seat.userName})` : seat.userName}`,
        seat.extension ? `ext. ${seat.extension}` : "",
      ]
        .filter(Boolean)
        .join(", "),
    })),
    ...deviceRows.map((device) => ({
      id: device.id,
      kind: "device" as const,
      label: `Device ${device.name}`,
    })),
  ];
}
