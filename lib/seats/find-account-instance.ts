import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Instance, instances } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/** An instance of the actor's account; another account's is simply not found. */
export async function findAccountInstance(
  db: Executor,
  actor: { accountId: string },
  instanceId: string,
): Promise<Instance> {
  const missing = new NotFoundError("This instance does not exist.");
  if (!isUuid(instanceId)) throw missing;
  const [instance] = await db
    .select()
    .from(instances)
    .where(and(eq(instances.id, instanceId), eq(instances.accountId, actor.accountId)));
  if (!instance) throw missing;
  return instance;
}
