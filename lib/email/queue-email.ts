import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { emails } from "@/db/schema";
import { env } from "@/lib/env";
import { InvalidError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { emailJobKinds } from "./email-job-kinds";
import { sanitizeHeaderText } from "./header-text";
import { formatMailbox, parseMailbox } from "./mailbox";
import { renderEmail } from "./render-email";
import type { EmailTemplateName, EmailTemplateProps } from "./templates";
import { isAddressUndeliverable, undeliverableError } from "./undeliverable-address";

export { undeliverableError };

// No "server-only" here: code run by background jobs (plain Node) may queue messages too.

export type {
  AccountInactivatedProps,
  AccountReactivatedProps,
  AdminMessageProps,
  EmailTemplateName,
  EmailTemplateProps,
  LicenceUpdatedProps,
  LoginInstructionsProps,
  PasswordChangedProps,
  PasswordResetProps,
  RoleChangedProps,
} from "./templates";

export type QueueEmailOptions<Name extends EmailTemplateName = EmailTemplateName> = {
  accountId: string;
  /** The recipient when they are a user of the account (the message then shows on their record). */
  userId?: string | null;
  /** "ada@example.com" or "Ada Lovelace <ada@example.com>". */
  to: string;
  /** Default: EMAIL_FROM. */
  from?: string;
  replyTo?: string;
  template: Name;
  props: EmailTemplateProps[Name];
};

export type QueuedEmail = { emailId: string };

const invalidRecipientError = (to: string) =>
  `"${to.slice(0, 254)}" is not an email address the portal can send to: nothing was sent.`;

function sender(value: string | undefined, field: "from" | "replyTo"): string {
  if (value === undefined || value === "") return field === "from" ? env.EMAIL_FROM : "";
  const mailbox = parseMailbox(value);
  if (!mailbox) {
    const label = field === "from" ? "From" : "Reply-To";
    throw new InvalidError(`${label} must be an email address.`, {
      [field]: `${label} must be an email address.`,
    });
  }
  return formatMailbox(mailbox);
}

/**
 * Queues one message in the caller's transaction (a transactional outbox): it is rendered
 * now, stored, and its "email.send" job queued beside it, so the message exists exactly when
 * the change that caused it was committed. A recipient that is not a valid address, or whose
 * address is marked undeliverable, gets a message recorded as failed (with the reason) and
 * no job: the change that caused it still goes through.
 */
export async function queueEmail<Name extends EmailTemplateName>(
  tx: Executor,
  options: QueueEmailOptions<Name>,
): Promise<QueuedEmail> {
  const from = sender(options.from, "from");
  const replyTo = sender(options.replyTo, "replyTo");
  const recipient = parseMailbox(options.to);
  const rendered = await renderEmail(options.template, options.props);
  const refusal = !recipient
    ? invalidRecipientError(options.to)
    : (await isAddressUndeliverable(tx, options.accountId, recipient.address))
      ? undeliverableError
      : undefined;
  const emailId = randomUUID();
  const job = refusal
    ? undefined
    : await enqueueJob(tx, {
        kind: emailJobKinds.send,
        accountId: options.accountId,
        payload: { emailId },
      });
  await tx.insert(emails).values({
    id: emailId,
    accountId: options.accountId,
    userId: options.userId ?? null,
    kind: options.template,
    toAddress: recipient ? formatMailbox(recipient) : sanitizeHeaderText(options.to, 254),
    fromAddress: from,
    replyTo,
    ...rendered,
    status: refusal ? "failed" : "queued",
    lastError: refusal ?? "",
    jobId: job?.id ?? null,
  });
  return { emailId };
}
