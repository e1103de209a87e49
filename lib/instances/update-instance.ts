import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type ActivityChange, type Instance, instances } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountInstance } from "./find-instance";
import { assertInstanceNameFree, rethrowInstanceNameTaken } from "./instance-name";
import { type InstanceUsage, instanceUsage } from "./instance-usage";
import type { InstanceInput } from "./schemas";

export type UpdateInstanceOptions = {
  actor: Actor;
  instanceId: string;
  input: InstanceInput;
  /**
   * Checks the stored instance (with its counts, as getInstance shows them) inside the
   * write's transaction, before anything changes (the REST API's If-Match: throwing refuses
   * the write, so no other save can slip in between).
   */
  precondition?: (before: Instance & InstanceUsage) => void;
};

/** Changes an instance's name, region and notes; its status belongs to rebuilds. */
export async function updateInstance({
  actor,
  instanceId,
  input,
  precondition,
}: UpdateInstanceOptions) {
  assertCan(actor, "instances", "edit");
  try {
    return await getDb().transaction(async (tx) => {
      const before = await findAccountInstance(tx, actor.accountId, instanceId, {
        forUpdate: true,
      });
      if (precondition) precondition({ ...before, ...(await instanceUsage(tx, before.id)) });
      await assertInstanceNameFree(tx, actor.accountId, input.name, before.id);
      const [after] = await tx
        .update(instances)
        .set({ name: input.name, region: input.region, notes: input.notes, updatedAt: new Date() })
        .where(eq(instances.id, before.id))
        .returning();
      const changes: ActivityChange[] = (["name", "region", "notes"] as const)
        .filter((field) => before[field] !== after![field])
        .map((field) => ({ field, before: before[field], after: after![field] }));
      if (changes.length > 0) {
        await recordActivity(tx, {
          accountId: actor.accountId,
          kind: "instance.updated",
          actor,
          targetLabel: after!.name,
          targetId: after!.id,
          details: { instance: after!.name, changes },
          clientAddress: actor.clientAddress,
        });
      }
      return after!;
    });
  } catch (error) {
    rethrowInstanceNameTaken(error);
  }
}
