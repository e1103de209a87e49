import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findFeatureInstance, findInstanceFeature } from "./find-feature";
import { readFeatureDetails } from "./read-feature-details";

export type { FeatureDetails } from "./read-feature-details";

export type GetFeatureOptions = { actor: Actor; instanceId: string; featureId: string };

/** One feature of an instance: its fields, who has it, and where deleting it would reach. */
export async function getFeature({ actor, instanceId, featureId }: GetFeatureOptions) {
  assertCan(actor, "features", "view");
  const db = getDb();
  const instance = await findFeatureInstance(db, actor.accountId, instanceId);
  const feature = await findInstanceFeature(db, {
    accountId: actor.accountId,
    instanceId: instance.id,
    featureId,
  });
  return readFeatureDetails(db, instance, feature);
}
