import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { instances } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountInstance } from "./find-instance";
import { instanceUsage } from "./instance-usage";

export type DeleteInstanceOptions = { actor: Actor; instanceId: string };

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * Deletes an instance with everything in it: its features and its seats (users keep their
 * accounts, they lose their place in this instance). The confirmation says how many.
 */
export async function deleteInstance({ actor, instanceId }: DeleteInstanceOptions) {
  assertCan(actor, "instances", "delete");
  return getDb().transaction(async (tx) => {
    const instance = await findAccountInstance(tx, actor.accountId, instanceId, {
      forUpdate: true,
    });
    const usage = await instanceUsage(tx, instance.id);
    await tx.delete(instances).where(eq(instances.id, instance.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "instance.deleted",
      actor,
      targetLabel: instance.name,
      targetId: instance.id,
      details: {
        instance: instance.name,
        features: usage.featureTotal,
        seats: usage.seatCount,
        summary: `Deleted with ${plural(usage.featureTotal, "feature")} and ${plural(usage.seatCount, "seat")}`,
      },
      clientAddress: actor.clientAddress,
    });
    return { ...instance, ...usage };
  });
}
