import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emails } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { isUuid } from "@/lib/uuid";
import { emailJobKinds } from "./email-job-kinds";
import { retryRefusal } from "./retry-refusal";

export type RetryEmailOptions = { actor: Actor; emailId: string };

/**
 * Sends a failed message again: it is queued with a new job (the same message id, so the
 * provider still takes it at most once). Refused while its address cannot be sent to.
 */
export async function retryEmail({ actor, emailId }: RetryEmailOptions): Promise<void> {
  assertCan(actor, "organization", "edit");
  if (!isUuid(emailId)) throw new NotFoundError("No such email.");
  await getDb().transaction(async (tx) => {
    const [email] = await tx
      .select()
      .from(emails)
      .where(and(eq(emails.id, emailId), eq(emails.accountId, actor.accountId)))
      .for("update");
    if (!email) throw new NotFoundError("No such email.");
    const refusal = await retryRefusal(tx, email);
    if (refusal) throw new ConflictError(refusal);
    const job = await enqueueJob(tx, {
      kind: emailJobKinds.send,
      accountId: email.accountId,
      payload: { emailId: email.id },
    });
    await tx
      .update(emails)
      .set({ status: "queued", jobId: job.id, updatedAt: new Date() })
      .where(eq(emails.id, email.id));
  });
}
