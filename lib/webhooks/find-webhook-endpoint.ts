import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

const missing = () => new NotFoundError("This webhook endpoint does not exist.");

/**
 * An endpoint of the account (another account's is simply not found); `forUpdate` locks its
 * row for the rest of the transaction, so concurrent changes to it take turns.
 */
export async function findAccountWebhookEndpoint(
  db: Executor,
  accountId: string,
  endpointId: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
) {
  if (!isUuid(endpointId)) throw missing();
  const query = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.accountId, accountId)));
  const [endpoint] = await (forUpdate ? query.for("update") : query);
  if (!endpoint) throw missing();
  return endpoint;
}
