import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { assertMayManageUser } from "./delegation-guard";
import { findAccountUser } from "./find-user";
import { senderAddresses } from "./sender-addresses";

export type GetUserEmailFormOptions = { actor: Actor; userId: string };

/** What the "Send Email" page shows: the recipient and the sender's From choices. */
export async function getUserEmailForm({ actor, userId }: GetUserEmailFormOptions) {
  assertCan(actor, "users", "edit");
  const db = getDb();
  const user = await findAccountUser(db, actor.accountId, userId);
  await assertMayManageUser(db, actor, user);
  return { user, sender: await senderAddresses(db, actor) };
}
