import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { removeCallFlowStepsTo } from "./call-flow-steps";
import { releaseExtensionsOf } from "./extension-claims";
import { featureUsage } from "./feature-usage";
import { findFeatureInstance, findInstanceFeature } from "./find-feature";
import { type FeatureDetails, readFeatureDetails } from "./read-feature-details";
import { removeRingGroupMember } from "./ring-group-members";
import { keepSeatExtensionClaimed } from "./seat-extension-claim";

export type DeleteFeatureOptions = {
  actor: Actor;
  instanceId: string;
  featureId: string;
  /**
   * The uses of the feature the confirmation showed (getFeature's `usage`). A use it did
   * not show (the feature was assigned to a seat meanwhile) refuses the delete, so nothing,
   * a phone number least of all, goes without the person having been told.
   */
  confirmedUsage?: readonly string[];
  /**
   * Checks the stored feature (as getFeature shows it) inside the delete's transaction,
   * before anything changes (the REST API's If-Match).
   */
  precondition?: (before: FeatureDetails) => void;
};

/** Deletes a feature with its extension and every reference to it, in one transaction. */
export async function deleteFeature({
  actor,
  instanceId,
  featureId,
  confirmedUsage = [],
  precondition,
}: DeleteFeatureOptions) {
  assertCan(actor, "features", "delete");
  return getDb().transaction(async (tx) => {
    const instance = await findFeatureInstance(tx, actor.accountId, instanceId);
    const feature = await findInstanceFeature(tx, {
      accountId: actor.accountId,
      instanceId: instance.id,
      featureId,
      forUpdate: true,
    });
    if (precondition) precondition(await readFeatureDetails(tx, instance, feature));
    const usage = await featureUsage(tx, feature);
    const unconfirmed = usage.filter((use) => !confirmedUsage.includes(use));
    if (unconfirmed.length > 0) {
      throw new ConflictError(
        `${feature.name} was not deleted. ${unconfirmed.join(" ")} Confirm again to delete it anyway.`,
      );
    }
    await tx.delete(features).where(eq(features.id, feature.id));
    await releaseExtensionsOf(tx, feature.id);
    if (feature.extension) {
      await keepSeatExtensionClaimed(tx, {
        instanceId: instance.id,
        extension: feature.extension,
      });
    }
    await removeCallFlowStepsTo(tx, feature);
    if (feature.kind === "device") {
      await removeRingGroupMember(tx, { instanceId: instance.id, memberId: feature.id });
    }
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "feature.deleted",
      actor,
      targetLabel: feature.name,
      targetId: feature.id,
      details: { instance: instance.name, kind: feature.kind, feature: feature.name, usage },
      clientAddress: actor.clientAddress,
    });
    return feature;
  });
}
