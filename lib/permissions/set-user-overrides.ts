import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { userPermissionOverrides } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { loadPermissions } from "@/lib/auth/load-permissions";
import type { PermissionKey } from "@/lib/auth/modules";
import { assertCan } from "@/lib/auth/permissions";
import type { OverrideEffect } from "@/lib/auth/resolve-permission";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { assertMayGrant } from "@/lib/groups/delegation";
import { assertMayManageUser } from "@/lib/users/delegation-guard";
import { findAccountUser } from "@/lib/users/find-user";
import type { OverrideChoice, UserOverridesInput } from "./schemas";

export type SetUserOverridesOptions = {
  actor: Actor;
  userId: string;
  overrides: UserOverridesInput;
  /**
   * Checks the user's stored overrides inside the write's transaction, before anything
   * changes (the REST API's If-Match: throwing refuses the write).
   */
  precondition?: (current: ReadonlyMap<PermissionKey, OverrideEffect>) => void;
};

/** Saves a user's Inherit/Allow/Deny choices; they apply at the user's next request. */
export async function setUserOverrides({
  actor,
  userId,
  overrides,
  precondition,
}: SetUserOverridesOptions) {
  assertCan(actor, "permissions", "edit");
  return getDb().transaction(async (tx) => {
    // Two saves for one user would otherwise both compare against the same overrides.
    await lockAccount(tx, actor.accountId);
    const user = await findAccountUser(tx, actor.accountId, userId);
    if (user.id === actor.id) throw new ForbiddenError("You cannot change your own permissions.");
    await assertMayManageUser(tx, actor, user);
    if (user.role === "administrator") {
      throw new ConflictError("Administrators can do everything; overrides do not apply to them.");
    }
    const current = (await loadPermissions(user.id, tx)).overrides;
    precondition?.(current);
    const changes: { key: PermissionKey; before: OverrideChoice; after: OverrideChoice }[] = [];
    for (const [key, after] of Object.entries(overrides) as [PermissionKey, OverrideChoice][]) {
      const before = current.get(key) ?? "inherit";
      if (before !== after) changes.push({ key, before, after });
    }
    // Allowing is a grant, and so is lifting a Deny (to Inherit or Allow): the user
    // may then do what the Deny withheld.
    assertMayGrant(
      actor,
      changes
        .filter((change) => change.after === "allow" || change.before === "deny")
        .map((change) => change.key),
    );
    for (const { key, after } of changes) {
      const [module = "", action = ""] = key.split(":");
      const where = and(
        eq(userPermissionOverrides.userId, user.id),
        eq(userPermissionOverrides.module, module),
        eq(userPermissionOverrides.action, action),
      );
      if (after === "inherit") await tx.delete(userPermissionOverrides).where(where);
      else
        await tx
          .insert(userPermissionOverrides)
          .values({ userId: user.id, module, action, effect: after })
          .onConflictDoUpdate({
            target: [
              userPermissionOverrides.userId,
              userPermissionOverrides.module,
              userPermissionOverrides.action,
            ],
            set: { effect: after },
          });
    }
    if (changes.length > 0) {
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "permissions.changed",
        actor,
        target: user,
        details: { overrides: changes },
        clientAddress: actor.clientAddress,
      });
    }
    return changes;
  });
}
