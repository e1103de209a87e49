import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type Email, emails, type JobStatus, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { retryRefusal } from "./retry-refusal";

export type EmailJobState = {
  status: JobStatus;
  /** When the next attempt is due (queued) or the current claim lapses (running). */
  runAt: Date;
  attempts: number;
  lastError: string;
};

export type EmailDetails = Email & {
  job: EmailJobState | null;
  /** Why Retry would be refused, or null when it may send the message. */
  retryRefusal: string | null;
};

export type GetEmailOptions = { actor: Actor; emailId: string };

/** One message of the account with the state of the job that sends it. */
export async function getEmail({ actor, emailId }: GetEmailOptions): Promise<EmailDetails> {
  assertCan(actor, "organization", "view");
  if (!isUuid(emailId)) throw new NotFoundError("No such email.");
  const db = getDb();
  const [row] = await db
    .select({
      email: emails,
      jobStatus: jobs.status,
      jobRunAt: jobs.runAt,
      jobLockedUntil: jobs.lockedUntil,
      jobAttempts: jobs.attempts,
      jobLastError: jobs.lastError,
    })
    .from(emails)
    .leftJoin(jobs, eq(jobs.id, emails.jobId))
    .where(and(eq(emails.id, emailId), eq(emails.accountId, actor.accountId)));
  if (!row) throw new NotFoundError("No such email.");
  const job =
    row.jobStatus && row.jobRunAt
      ? {
          status: row.jobStatus,
          runAt: (row.jobStatus === "running" && row.jobLockedUntil) || row.jobRunAt,
          attempts: row.jobAttempts ?? 0,
          lastError: row.jobLastError ?? "",
        }
      : null;
  return { ...row.email, job, retryRefusal: await retryRefusal(db, row.email) };
}
