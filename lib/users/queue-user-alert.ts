import type { Executor } from "@/db/client";
import { type EmailTemplateProps, queueEmail } from "@/lib/email/queue-email";
import { emailRecipient, type RecipientUser } from "./email-recipient";

// No "server-only": the licence job's handler (plain Node) alerts users too.

/** The messages that tell a user something happened to their account. */
export type UserAlertTemplate =
  | "account-inactivated"
  | "account-reactivated"
  | "role-changed"
  | "password-changed"
  | "licence-updated";

export type QueueUserAlertOptions<Name extends UserAlertTemplate> = {
  user: RecipientUser & { id: string };
  template: Name;
  /** The template's own props; the names of the recipient and organization are added. */
  props: Omit<EmailTemplateProps[Name], "organizationName" | "recipientName">;
  /** Given when known (a batch to one account); read otherwise. */
  organizationName?: string;
};

/** Queues an alert to the user in the caller's transaction, the one of the change it reports. */
export async function queueUserAlert<Name extends UserAlertTemplate>(
  tx: Executor,
  { user, template, props, organizationName }: QueueUserAlertOptions<Name>,
): Promise<{ emailId: string }> {
  const recipient = await emailRecipient(tx, user, organizationName);
  return queueEmail(tx, {
    accountId: user.accountId,
    userId: user.id,
    to: recipient.to,
    template,
    props: {
      ...props,
      organizationName: recipient.organizationName,
      recipientName: recipient.recipientName,
    } as EmailTemplateProps[Name],
  });
}
