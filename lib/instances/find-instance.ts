import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { instances } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

const missing = () => new NotFoundError("This instance does not exist.");

/**
 * An instance of the account (another account's is simply not found); `forUpdate` locks
 * its row for the rest of the transaction, so concurrent changes to it take turns.
 */
export async function findAccountInstance(
  db: Executor,
  accountId: string,
  instanceId: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
) {
  if (!isUuid(instanceId)) throw missing();
  const query = db
    .select()
    .from(instances)
    .where(and(eq(instances.id, instanceId), eq(instances.accountId, accountId)));
  const [instance] = await (forUpdate ? query.for("update") : query);
  if (!instance) throw missing();
  return instance;
}
