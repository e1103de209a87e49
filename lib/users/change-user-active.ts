import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { assertAnotherActiveAdministrator } from "./administrator-guard";
import { assertMayManageUser } from "./delegation-guard";
import type { UserRecord } from "./user-record";

export type ChangeUserActiveOptions = {
  actor: Actor;
  user: UserRecord;
  active: boolean;
};

/**
 * The one rule for inactivating and reactivating, whether from the Inactivate button
 * or the Active box of the User Details form. Call lockAccount first (the last
 * Administrator check must see concurrent changes). Inactivation ends the user's sessions.
 */
export async function changeUserActive(
  tx: Transaction,
  { actor, user, active }: ChangeUserActiveOptions,
): Promise<UserRecord> {
  if (user.active === active) return user;
  assertCan(actor, "users", "inactivate");
  await assertMayManageUser(tx, actor, user);
  if (!active) {
    if (user.id === actor.id) throw new ConflictError("You cannot inactivate yourself.", "active");
    if (user.role === "administrator") {
      await assertAnotherActiveAdministrator(
        tx,
        actor.accountId,
        user.id,
        "This is the last active Administrator and cannot be inactivated.",
      );
    }
  }
  const [after] = await tx
    .update(users)
    .set({
      active,
      updatedAt: new Date(),
      ...(active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }),
    })
    .where(eq(users.id, user.id))
    .returning({ active: users.active, updatedAt: users.updatedAt });
  await recordActivity(tx, {
    accountId: actor.accountId,
    kind: active ? "user.reactivated" : "user.inactivated",
    actor,
    target: user,
    clientAddress: actor.clientAddress,
  });
  return { ...user, ...after! };
}
