import "server-only";
import { getDb } from "@/db/client";
import { lockAccount } from "@/lib/accounts/lock-account";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { removeUserSeats, type SeatFeatureDisposition } from "@/lib/seats/remove-user-seats";
import { changeUserActive } from "./change-user-active";
import { findAccountUser } from "./find-user";
import { portalOrigin } from "./portal-origin";

export type SetUserActiveOptions = {
  actor: Actor;
  userId: string;
  active: boolean;
  /** On inactivation: end their seats, keeping or releasing the features; absent leaves them. */
  seatFeatures?: SeatFeatureDisposition;
  /** Where the reactivation message's sign-in link points; default: the portal's. */
  origin?: string;
};

/** Inactivates (ending their sessions) or reactivates a user of the actor's account. */
export async function setUserActive({
  actor,
  userId,
  active,
  seatFeatures,
  origin,
}: SetUserActiveOptions) {
  assertCan(actor, "users", "inactivate");
  const linkOrigin = origin ?? (await portalOrigin());
  return getDb().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    const user = await findAccountUser(tx, actor.accountId, userId);
    const after = await changeUserActive(tx, { actor, user, active, origin: linkOrigin });
    if (!active && seatFeatures) await removeUserSeats(tx, { actor, user, features: seatFeatures });
    return after;
  });
}
