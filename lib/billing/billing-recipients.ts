import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { activeAdministratorRecipients, emailRecipient } from "@/lib/users/email-recipient";

// No "server-only": the billing run (plain Node) issues invoices and mails them.

export type BillingRecipient = {
  to: string;
  /** The user it goes to; none for the account's billing address. */
  userId: string | null;
  /** "" for the billing address: the message greets no one by name. */
  recipientName: string;
};

export type BillingAudience = { organizationName: string; recipients: BillingRecipient[] };

/**
 * Who receives invoices and receipts: the account's billing email when it is set (one message,
 * to the address bookkeeping reads); otherwise every active Administrator, by user name.
 */
export async function billingRecipients(tx: Executor, accountId: string): Promise<BillingAudience> {
  const [account] = await tx
    .select({ name: accounts.name, billingEmail: accounts.billingEmail })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) throw new NotFoundError("No such account.");
  const billingEmail = account.billingEmail.trim();
  if (billingEmail) {
    return {
      organizationName: account.name,
      recipients: [{ to: billingEmail, userId: null, recipientName: "" }],
    };
  }
  const administrators = await activeAdministratorRecipients(tx, accountId);
  const recipients: BillingRecipient[] = [];
  for (const user of administrators) {
    const recipient = await emailRecipient(tx, user, account.name);
    recipients.push({ to: recipient.to, userId: user.id, recipientName: recipient.recipientName });
  }
  return { organizationName: account.name, recipients };
}
