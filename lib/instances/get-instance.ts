import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountInstance } from "./find-instance";
import { instanceUsage } from "./instance-usage";

export type GetInstanceOptions = { actor: Actor; instanceId: string };

/**
 * One instance with its feature counts by kind, its seat count and who asked for the
 * rebuild in progress (or the last one).
 */
export async function getInstance({ actor, instanceId }: GetInstanceOptions) {
  assertCan(actor, "instances", "view");
  const db = getDb();
  const instance = await findAccountInstance(db, actor.accountId, instanceId);
  const [usage, requester] = await Promise.all([
    instanceUsage(db, instance.id),
    instance.rebuildRequestedBy
      ? db
          .select({ userName: users.userName })
          .from(users)
          .where(eq(users.id, instance.rebuildRequestedBy))
          .then((rows) => rows[0])
      : undefined,
  ]);
  return { ...instance, ...usage, rebuildRequestedByName: requester?.userName ?? null };
}

export type InstanceDetails = Awaited<ReturnType<typeof getInstance>>;
