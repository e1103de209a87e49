import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { emails } from "@/db/schema";
import { type Job, type JobHandlers, PermanentJobError } from "@/lib/jobs/job-handler";
import { isUuid } from "@/lib/uuid";
import { emailJobKinds } from "./email-job-kinds";
import { type EmailTransportConfig, emailTransportConfig } from "./email-transport-config";
import { parseMailbox } from "./mailbox";
import { markEmailFailed, markEmailSent, recordEmailFailure } from "./record-email-outcome";
import { EmailSendError, resendSender, type SendViaResend } from "./send-via-resend";
import { isAddressUndeliverable, undeliverableError } from "./undeliverable-address";

// No "server-only" in this module or what it imports: the dispatcher runs it under plain Node.

const sendPayload = z.object({ emailId: z.string().refine(isUuid) });

function emailIdOf(job: Job): string {
  const parsed = sendPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("The job's payload names no email id.");
  return parsed.data.emailId;
}

/** The embedded outbox: the message is stored, and reading it on /emails is its delivery. */
const outboxSender: SendViaResend = async (email) => ({ providerMessageId: `outbox-${email.id}` });

/**
 * Sends one queued message and records the outcome on its row. A failure counts an attempt
 * and keeps the reason before the job retries it (30 s, 2 min, 10 min, 1 h, 6 h); a refusal
 * that cannot pass later (a rejected address) fails the message at once. Given up, the
 * message is marked failed.
 */
export function emailJobHandlers(
  config: EmailTransportConfig = emailTransportConfig(),
): JobHandlers {
  const send = config.kind === "resend" ? resendSender(config) : outboxSender;
  return {
    [emailJobKinds.send]: {
      run: async (job, { now }) => {
        const emailId = emailIdOf(job);
        const db = getDb();
        const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
        // Deleted with its account, or already sent, failed or retried under another job.
        if (email?.status !== "queued") return;
        const address = parseMailbox(email.toAddress)?.address ?? email.toAddress;
        if (await isAddressUndeliverable(db, email.accountId, address)) {
          await markEmailFailed(db, email.id, undeliverableError, now);
          return;
        }
        let providerMessageId: string;
        try {
          ({ providerMessageId } = await send(email));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await recordEmailFailure(db, email.id, message, now);
          if (error instanceof EmailSendError && error.permanent) {
            throw new PermanentJobError(message);
          }
          throw error;
        }
        await markEmailSent(db, email.id, providerMessageId, now);
      },
      giveUp: async (job, error, { now, tx }) => {
        const parsed = sendPayload.safeParse(job.payload);
        if (parsed.success) await markEmailFailed(tx, parsed.data.emailId, error, now);
      },
    },
  };
}
