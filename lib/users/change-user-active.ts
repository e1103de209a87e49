import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { revokePasswordTokens } from "@/lib/password-tokens/revoke-password-tokens";
import { assertAnotherActiveAdministrator } from "./administrator-guard";
import { assertMayManageUser } from "./delegation-guard";
import { portalOrigin } from "./portal-origin";
import { portalUrl } from "./portal-url";
import { queueUserAlert } from "./queue-user-alert";
import type { UserRecord } from "./user-record";

export type ChangeUserActiveOptions = {
  actor: Actor;
  user: UserRecord;
  active: boolean;
  /** Where the reactivation message's sign-in link points; default: the portal's. */
  origin?: string;
};

/**
 * The one rule for inactivating and reactivating, whether from the Inactivate button
 * or the Active box of the User Details form. Call lockAccount first (the last
 * Administrator check must see concurrent changes). Inactivation ends the user's sessions
 * and their emailed links; either change is told to the user by email.
 */
export async function changeUserActive(
  tx: Transaction,
  { actor, user, active, origin }: ChangeUserActiveOptions,
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
  if (active) {
    const signInUrl = portalUrl(origin ?? (await portalOrigin()), "/sign-in");
    await queueUserAlert(tx, { user, template: "account-reactivated", props: { signInUrl } });
  } else {
    await revokePasswordTokens(tx, user.id);
    await queueUserAlert(tx, { user, template: "account-inactivated", props: {} });
  }
  return { ...user, ...after! };
}
