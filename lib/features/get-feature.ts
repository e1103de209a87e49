import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features, seats, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { featureUsage } from "./feature-usage";
import { findFeatureInstance } from "./find-feature";
import { seatHolder, seatHolderColumns } from "./seat-holder";

export type GetFeatureOptions = { actor: Actor; instanceId: string; featureId: string };

/** One feature of an instance: its fields, who has it, and where deleting it would reach. */
export async function getFeature({ actor, instanceId, featureId }: GetFeatureOptions) {
  assertCan(actor, "features", "view");
  const db = getDb();
  const instance = await findFeatureInstance(db, actor.accountId, instanceId);
  const missing = new NotFoundError("This feature does not exist.");
  if (!isUuid(featureId)) throw missing;
  const [row] = await db
    .select({ feature: features, ...seatHolderColumns })
    .from(features)
    .leftJoin(seats, eq(seats.id, features.seatId))
    .leftJoin(users, eq(users.id, seats.userId))
    .where(
      and(
        eq(features.id, featureId),
        eq(features.instanceId, instance.id),
        eq(features.accountId, actor.accountId),
      ),
    );
  if (!row) throw missing;
  return {
    feature: row.feature,
    instance,
    assignedTo: seatHolder(row),
    usage: await featureUsage(db, row.feature),
  };
}

export type FeatureDetails = Awaited<ReturnType<typeof getFeature>>;
