import "server-only";
import { getDb } from "@/db/client";
import { instances } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { enforcePlanLimit } from "@/lib/billing/enforce-plan-limits";
import { assertInstanceNameFree, rethrowInstanceNameTaken } from "./instance-name";
import { regionLabel } from "./regions";
import type { InstanceInput } from "./schemas";

export type CreateInstanceOptions = { actor: Actor; input: InstanceInput };

export async function createInstance({ actor, input }: CreateInstanceOptions) {
  assertCan(actor, "instances", "create");
  try {
    return await getDb().transaction(async (tx) => {
      await assertInstanceNameFree(tx, actor.accountId, input.name);
      await enforcePlanLimit(tx, { accountId: actor.accountId, resource: "instances" });
      const [instance] = await tx
        .insert(instances)
        .values({
          accountId: actor.accountId,
          name: input.name,
          region: input.region,
          notes: input.notes,
        })
        .returning();
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "instance.created",
        actor,
        targetLabel: instance!.name,
        targetId: instance!.id,
        details: {
          instance: instance!.name,
          region: instance!.region,
          summary: `Region: ${regionLabel(instance!.region)}`,
        },
        clientAddress: actor.clientAddress,
      });
      return instance!;
    });
  } catch (error) {
    rethrowInstanceNameTaken(error);
  }
}
