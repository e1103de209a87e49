import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { formatMailbox } from "@/lib/email/mailbox";
import { queueEmail } from "@/lib/email/queue-email";
import { InvalidError } from "@/lib/errors";
import { assertMayManageUser } from "./delegation-guard";
import { emailRecipient } from "./email-recipient";
import { findAccountUser } from "./find-user";
import type { UserEmailInput } from "./schemas";
import { type SenderAddresses, senderAddresses } from "./sender-addresses";

export type SendUserEmailOptions = { actor: Actor; userId: string; input: UserEmailInput };

/** From and Reply-To of the message: a chosen (or the default) address of the sender's own. */
function senderHeaders(sender: SenderAddresses, chosen: string) {
  if (sender.fromEmails.length === 0) {
    return {
      from: undefined,
      replyTo: formatMailbox({ name: sender.senderName, address: sender.replyTo }),
    };
  }
  const address = chosen
    ? sender.fromEmails.find((own) => own.toLowerCase() === chosen.toLowerCase())
    : sender.fromEmails[0];
  if (!address) {
    const message = "Choose one of your Available From Email addresses.";
    throw new InvalidError("Check the highlighted fields.", { from: message });
  }
  return { from: formatMailbox({ name: sender.senderName, address }), replyTo: undefined };
}

/**
 * "Send Email" on User Details: queues the acting user's message to the user, from their
 * default Available From Email or another of theirs (none: the portal's sender, with replies
 * going to them). Users→Edit on a user the actor may manage: a message in the organization's
 * name is as much theirs to send as a change to the user.
 */
export async function sendUserEmail({
  actor,
  userId,
  input,
}: SendUserEmailOptions): Promise<{ emailId: string }> {
  assertCan(actor, "users", "edit");
  return getDb().transaction(async (tx) => {
    const user = await findAccountUser(tx, actor.accountId, userId);
    await assertMayManageUser(tx, actor, user);
    const sender = await senderAddresses(tx, actor);
    const recipient = await emailRecipient(tx, user);
    return queueEmail(tx, {
      accountId: actor.accountId,
      userId: user.id,
      to: recipient.to,
      ...senderHeaders(sender, input.from),
      template: "admin-message",
      props: {
        organizationName: recipient.organizationName,
        senderName: sender.senderName,
        subject: input.subject,
        body: input.body,
      },
    });
  });
}
