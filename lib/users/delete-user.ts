import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { removeUserSeats, type SeatFeatureDisposition } from "@/lib/seats/remove-user-seats";
import { assertAnotherActiveAdministrator } from "./administrator-guard";
import { assertMayManageUser } from "./delegation-guard";
import { findAccountUser } from "./find-user";
import { userSnapshot } from "./user-changes";

export type DeleteUserOptions = {
  actor: Actor;
  userId: string;
  /** What becomes of the features of their seats; kept as spares unless released. */
  seatFeatures?: SeatFeatureDisposition;
};

/** Deletes a user; their sessions end because the user no longer exists. */
export async function deleteUser({ actor, userId, seatFeatures = "keep" }: DeleteUserOptions) {
  assertCan(actor, "users", "delete");
  return getDb().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    const user = await findAccountUser(tx, actor.accountId, userId);
    if (user.id === actor.id) throw new ConflictError("You cannot delete yourself.");
    await assertMayManageUser(tx, actor, user);
    if (user.role === "administrator" && user.active) {
      await assertAnotherActiveAdministrator(
        tx,
        actor.accountId,
        user.id,
        "This is the last active Administrator and cannot be deleted.",
      );
    }
    await removeUserSeats(tx, { actor, user, features: seatFeatures });
    await tx.delete(users).where(eq(users.id, user.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "user.deleted",
      actor,
      target: user,
      details: { user: userSnapshot(user) },
      clientAddress: actor.clientAddress,
    });
    return user;
  });
}
