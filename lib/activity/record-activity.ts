// No "server-only" marker: background jobs (run by server.ts outside Next.js, where the
// marker throws) record activity too. The database client keeps it out of browsers anyway.
import type { Executor } from "@/db/client";
import { type ActivityDetails, type ActivityKind, accountActivity } from "@/db/schema";
import { queueWebhookEventForActivity } from "@/lib/webhooks/queue-webhook-event";

export type ActivityInput = {
  accountId: string;
  kind: ActivityKind;
  actor?: { id: string; userName: string; apiToken?: { name: string } } | null;
  /** The user the change is about. */
  target?: { id: string; userName: string } | null;
  /** What the change is about when it is not a user (a group's name). */
  targetLabel?: string;
  details?: ActivityDetails;
  clientAddress?: string;
  /** The id of what the change is about when it is not a user (webhook events carry it). */
  targetId?: string;
};

/**
 * Appends one activity row, and the outbound webhook event it stands for (if any) for the
 * account's subscribed endpoints; call it with the transaction of the change it records.
 */
export async function recordActivity(tx: Executor, input: ActivityInput): Promise<void> {
  await tx.insert(accountActivity).values({
    accountId: input.accountId,
    kind: input.kind,
    actorUserId: input.actor?.id ?? null,
    actorLabel: input.actor?.userName ?? "",
    actorTokenLabel: input.actor?.apiToken?.name ?? "",
    targetUserId: input.target?.id ?? null,
    targetLabel: input.target?.userName ?? input.targetLabel ?? "",
    details: input.details ?? {},
    clientAddress: input.clientAddress ?? "",
  });
  await queueWebhookEventForActivity(tx, input);
}
