import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { recipientName } from "./email-recipient";

export type SenderAddresses = {
  /** The acting user's name as the message names its sender. */
  senderName: string;
  /** Their Available From Email addresses, the default first; empty: they have none. */
  fromEmails: string[];
  /** Without addresses of their own: the portal's sender, with replies to their email. */
  fallbackFrom: string;
  replyTo: string;
};

/** Whom a message from the actor comes from, as their Available From Email says. */
export async function senderAddresses(db: Executor, actor: Actor): Promise<SenderAddresses> {
  const [sender] = await db
    .select({
      userName: users.userName,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      fromEmails: users.fromEmails,
    })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!sender) throw new NotFoundError("Your user no longer exists.");
  return {
    senderName: recipientName(sender),
    fromEmails: sender.fromEmails,
    fallbackFrom: env.EMAIL_FROM,
    replyTo: sender.email,
  };
}
