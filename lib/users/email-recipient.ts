import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { formatMailbox } from "@/lib/email/mailbox";

// No "server-only": the licence job's handler, run by plain Node, addresses users too.

export type RecipientUser = {
  accountId: string;
  email: string;
  userName: string;
  firstName: string;
  lastName: string;
};

export type EmailRecipient = { to: string; recipientName: string; organizationName: string };

/** How a user is named in a message to them: their full name, else their user name. */
export function recipientName(user: Omit<RecipientUser, "accountId" | "email">): string {
  return `${user.firstName} ${user.lastName}`.trim() || user.userName;
}

/** The organization's name, which every message carries. */
export async function organizationName(db: Executor, accountId: string): Promise<string> {
  const [account] = await db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return account?.name ?? "";
}

/**
 * The To header and the names a message to this user needs. The organization's name is
 * read unless given (a batch of messages to one account reads it once).
 */
export async function emailRecipient(
  db: Executor,
  user: RecipientUser,
  knownOrganizationName?: string,
): Promise<EmailRecipient> {
  const name = recipientName(user);
  return {
    // An address that is not one is kept as it is: queueEmail records the message as failed.
    to: formatMailbox({ name, address: user.email }),
    recipientName: name,
    organizationName: knownOrganizationName ?? (await organizationName(db, user.accountId)),
  };
}

/** What a message to a user needs of them: the recipient columns, with the user's id. */
export const recipientColumns = {
  id: users.id,
  accountId: users.accountId,
  email: users.email,
  userName: users.userName,
  firstName: users.firstName,
  lastName: users.lastName,
};

/** The account's active Administrators, by user name: who is told when nobody else is named. */
export function activeAdministratorRecipients(db: Executor, accountId: string) {
  return db
    .select(recipientColumns)
    .from(users)
    .where(
      and(eq(users.accountId, accountId), eq(users.role, "administrator"), eq(users.active, true)),
    )
    .orderBy(asc(sql`lower(${users.userName})`));
}
