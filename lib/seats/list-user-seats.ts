import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  type CallFlowStep,
  type FeatureKind,
  features,
  instances,
  seats,
  templates,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

export type UserSeat = {
  id: string;
  instanceId: string;
  instanceName: string;
  extension: string | null;
  /** Null once the template is deleted (the seat keeps the version it was made from). */
  templateId: string | null;
  templateName: string | null;
  templateVersion: number | null;
  /** The template is at a newer version than the one the seat was made from. */
  olderVersion: boolean;
  callFlow: CallFlowStep[];
  features: { id: string; kind: FeatureKind; name: string; phoneNumber: string | null }[];
};

/** A user's seats for the details pane: each instance, its extension, features and call flow. */
export async function listUserSeats({
  actor,
  userId,
}: {
  actor: Actor;
  userId: string;
}): Promise<UserSeat[]> {
  assertCan(actor, "instances", "view");
  const db = getDb();
  const rows = await db
    .select({
      id: seats.id,
      instanceId: seats.instanceId,
      instanceName: instances.name,
      extension: seats.extension,
      templateId: seats.templateId,
      templateName: templates.name,
      templateVersion: seats.templateVersion,
      currentVersion: templates.version,
      callFlow: seats.callFlow,
    })
    .from(seats)
    .innerJoin(instances, eq(instances.id, seats.instanceId))
    .leftJoin(templates, eq(templates.id, seats.templateId))
    .where(and(eq(seats.userId, userId), eq(seats.accountId, actor.accountId)))
    .orderBy(sql`lower(${instances.name})`);
  if (rows.length === 0) return [];
  const owned = await db
    .select({
      id: features.id,
      seatId: features.seatId,
      kind: features.kind,
      name: features.name,
      phoneNumber: features.phoneNumber,
    })
    .from(features)
    .where(
      inArray(
        features.seatId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(features.kind), sql`lower(${features.name})`);
  return rows.map(({ currentVersion, ...row }) => ({
    ...row,
    olderVersion:
      currentVersion !== null &&
      row.templateVersion !== null &&
      row.templateVersion < currentVersion,
    features: owned
      .filter((feature) => feature.seatId === row.id)
      .map(({ seatId: _seat, ...feature }) => feature),
  }));
}
