import "server-only";
import { getDb } from "@/db/client";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findFeatureInstance } from "./find-feature";
import { insertFeature } from "./insert-feature";
import type { FeatureKind } from "./kinds";

export type CreateFeatureOptions = {
  actor: Actor;
  instanceId: string;
  kind: FeatureKind;
  /** The kind's form, parsed by its schema (checked again on insert). */
  input: Record<string, unknown>;
};

/** Adds a spare feature to an instance of the actor's account. */
export async function createFeature({ actor, instanceId, kind, input }: CreateFeatureOptions) {
  assertCan(actor, "features", "create");
  return getDb().transaction(async (tx) => {
    const instance = await findFeatureInstance(tx, actor.accountId, instanceId);
    const feature = await insertFeature(tx, {
      accountId: actor.accountId,
      instanceId: instance.id,
      kind,
      input,
    });
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "feature.created",
      actor,
      targetLabel: feature.name,
      targetId: feature.id,
      details: { instance: instance.name, kind, feature: feature.name },
      clientAddress: actor.clientAddress,
    });
    return feature;
  });
}
