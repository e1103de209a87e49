import type { Executor } from "@/db/client";
import type { Email } from "@/db/schema";
import { parseMailbox } from "./mailbox";
import { isAddressUndeliverable } from "./undeliverable-address";

/** Why a message cannot be retried now, or null when Retry may send it. */
export async function retryRefusal(
  db: Executor,
  email: Pick<Email, "status" | "toAddress" | "accountId">,
): Promise<string | null> {
  if (email.status !== "failed") return "Only a failed message can be retried.";
  const recipient = parseMailbox(email.toAddress);
  if (!recipient) return `"${email.toAddress}" is not an email address: it cannot be sent.`;
  if (await isAddressUndeliverable(db, email.accountId, recipient.address)) {
    return "The address is marked undeliverable: clear the mark on the user first, or change their email.";
  }
  return null;
}
