import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type ActivityChange, instances } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountInstance } from "./find-instance";
import { assertInstanceNameFree, rethrowInstanceNameTaken } from "./instance-name";
import type { InstanceInput } from "./schemas";

export type UpdateInstanceOptions = { actor: Actor; instanceId: string; input: InstanceInput };

/** Changes an instance's name, region and notes; its status belongs to rebuilds. */
export async function updateInstance({ actor, instanceId, input }: UpdateInstanceOptions) {
  assertCan(actor, "instances", "edit");
  try {
    return await getDb().transaction(async (tx) => {
      const before = await findAccountInstance(tx, actor.accountId, instanceId, {
        forUpdate: true,
      });
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
