import "server-only";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { instances } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { provisioningJobKinds } from "@/lib/provisioning/job-kinds";
import { findAccountInstance } from "./find-instance";

export type RequestRebuildOptions = { actor: Actor; instanceId: string };

export type RequestRebuildResult =
  | { started: true; rebuildId: string }
  /** A rebuild was already running (since when it was asked for): nothing changed. */
  | { started: false; since: Date | null };

/**
 * Force Rebuild: marks the instance Rebuilding under a new rebuild id and queues the request
 * to the provisioning back end, in one transaction. Only the report naming that id ends it
 * (completeRebuild), so a late report of an older rebuild cannot finish this one.
 */
export async function requestRebuild({
  actor,
  instanceId,
}: RequestRebuildOptions): Promise<RequestRebuildResult> {
  assertCan(actor, "instances", "rebuild");
  return getDb().transaction(async (tx) => {
    // Locked, so two people pressing Force Rebuild at once start one rebuild, not two.
    const instance = await findAccountInstance(tx, actor.accountId, instanceId, {
      forUpdate: true,
    });
    if (instance.status === "rebuilding") {
      return { started: false, since: instance.rebuildRequestedAt };
    }
    const rebuildId = crypto.randomUUID();
    await tx
      .update(instances)
      .set({
        status: "rebuilding",
        rebuildId,
        rebuildRequestedAt: new Date(),
        rebuildRequestedBy: actor.id,
        rebuildError: "",
      })
      .where(eq(instances.id, instance.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "instance.rebuild_requested",
      actor,
      targetLabel: instance.name,
      targetId: instance.id,
      details: { instance: instance.name, rebuildId },
      clientAddress: actor.clientAddress,
    });
    await enqueueJob(tx, {
      kind: provisioningJobKinds.requestRebuild,
      accountId: actor.accountId,
      payload: { instanceId: instance.id, rebuildId },
      uniqueKey: `${provisioningJobKinds.requestRebuild}:${rebuildId}`,
    });
    return { started: true, rebuildId };
  });
}
