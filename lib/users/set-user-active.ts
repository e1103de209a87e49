import "server-only";
import { getDb } from "@/db/client";
import { lockAccount } from "@/lib/accounts/lock-account";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { changeUserActive } from "./change-user-active";
import { findAccountUser } from "./find-user";

export type SetUserActiveOptions = { actor: Actor; userId: string; active: boolean };

/** Inactivates (ending their sessions) or reactivates a user of the actor's account. */
export async function setUserActive({ actor, userId, active }: SetUserActiveOptions) {
  assertCan(actor, "users", "inactivate");
  return getDb().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    const user = await findAccountUser(tx, actor.accountId, userId);
    return changeUserActive(tx, { actor, user, active });
  });
}
