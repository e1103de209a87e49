import "server-only";
import type { Executor } from "@/db/client";
import { queueEmail } from "@/lib/email/queue-email";
import { issuePasswordToken } from "@/lib/password-tokens/issue-password-token";
import { passwordTokenLifetimeMs } from "@/lib/password-tokens/token-lifetimes";
import { emailRecipient, type RecipientUser } from "./email-recipient";
import { portalUrl } from "./portal-url";

export type QueueLoginInstructionsOptions = {
  user: RecipientUser & { id: string };
  /** The portal's origin, which the link starts with. */
  origin: string;
  now?: Date;
};

/**
 * Issues a set-password link (older ones stop working) and queues the message carrying it,
 * both in the caller's transaction: the message exists exactly when the change does.
 */
export async function queueLoginInstructions(
  tx: Executor,
  { user, origin, now }: QueueLoginInstructionsOptions,
): Promise<{ emailId: string }> {
  const token = await issuePasswordToken(tx, {
    accountId: user.accountId,
    userId: user.id,
    purpose: "set_password",
    now,
  });
  const recipient = await emailRecipient(tx, user);
  return queueEmail(tx, {
    accountId: user.accountId,
    userId: user.id,
    to: recipient.to,
    template: "login-instructions",
    props: {
      organizationName: recipient.organizationName,
      recipientName: recipient.recipientName,
      userName: user.userName,
      setPasswordUrl: portalUrl(origin, "/set-password", { token }),
      expiresInHours: passwordTokenLifetimeMs.set_password / 3_600_000,
    },
  });
}
