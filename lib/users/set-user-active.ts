import "server-only";
import { getDb } from "@/db/client";
import { lockAccount } from "@/lib/accounts/lock-account";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { removeUserSeats, type SeatFeatureDisposition } from "@/lib/seats/remove-user-seats";
import { changeUserActive } from "./change-user-active";
import { findAccountUser } from "./find-user";

export type SetUserActiveOptions = {
  actor: Actor;
  userId: string;
  active: boolean;
  /** On inactivation: end their seats, keeping or releasing the features; absent leaves them. */
  seatFeatures?: SeatFeatureDisposition;
};

/** Inactivates (ending their sessions) or reactivates a user of the actor's account. */
export async function setUserActive({ actor, userId, active, seatFeatures }: SetUserActiveOptions) {
  assertCan(actor, "users", "inactivate");
  return getDb().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    const user = await findAccountUser(tx, actor.accountId, userId);
    const after = await changeUserActive(tx, { actor, user, active });
    if (!active && seatFeatures) await removeUserSeats(tx, { actor, user, features: seatFeatures });
    return after;
  });
}
