import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, mayChangeUser } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { assertAnotherActiveAdministrator } from "./administrator-guard";
import { findAccountUser } from "./find-user";

/** Inactivates (ending their sessions) or reactivates a user of the actor's account. */
export async function setUserActive({
  actor,
  userId,
  active,
}: {
  actor: Actor;
  userId: string;
  active: boolean;
}) {
  assertCan(actor, "users", "inactivate");
  return getDb().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    const user = await findAccountUser(tx, actor.accountId, userId);
    if (!mayChangeUser(actor, user)) {
      throw new ForbiddenError("Only an Administrator can change an Administrator.");
    }
    if (user.active === active) return user;
    if (!active) {
      if (user.id === actor.id) throw new ConflictError("You cannot inactivate yourself.");
      if (user.role === "administrator") {
        await assertAnotherActiveAdministrator(
          tx,
          actor.accountId,
          user.id,
          "This is the last active Administrator and cannot be inactivated.",
        );
      }
    }
    await tx
      .update(users)
      .set({
        active,
        updatedAt: new Date(),
        ...(active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }),
      })
      .where(eq(users.id, user.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: active ? "user.reactivated" : "user.inactivated",
      actor,
      target: user,
      clientAddress: actor.clientAddress,
    });
    return { ...user, active };
  });
}
