import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { assertCan, mayChangeUser } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { assertAnotherActiveAdministrator } from "./administrator-guard";
import { findAccountUser } from "./find-user";
import type { UpdateUserInput } from "./schemas";
import { setUserGroups } from "./set-user-groups";
import { assertUniqueUserFields, rethrowUniqueViolation } from "./unique-fields";
import { userChanges } from "./user-changes";
import { userColumns } from "./user-record";

export async function updateUser({
  actor,
  userId,
  input,
}: {
  actor: Actor;
  userId: string;
  input: UpdateUserInput;
}) {
  assertCan(actor, "users", "edit");
  const db = getDb();
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : undefined;
  try {
    return await db.transaction(async (tx) => {
      await lockAccount(tx, actor.accountId);
      const before = await findAccountUser(tx, actor.accountId, userId);
      const self = before.id === actor.id;
      const demoting = before.role === "administrator" && input.role !== "administrator";
      const inactivating = before.active && !input.active;
      if (!mayChangeUser(actor, before)) {
        throw new ForbiddenError("Only an Administrator can edit an Administrator.");
      }
      if (
        input.role === "administrator" &&
        before.role !== "administrator" &&
        actor.role !== "administrator"
      ) {
        throw new ForbiddenError("Only an Administrator can make someone an Administrator.");
      }
      if (inactivating) assertCan(actor, "users", "inactivate");
      if (self && demoting)
        throw new ConflictError("You cannot remove your own Administrator role.", "role");
      if (self && inactivating)
        throw new ConflictError("You cannot inactivate yourself.", "active");
      if (before.active && before.role === "administrator" && (demoting || inactivating)) {
        await assertAnotherActiveAdministrator(
          tx,
          actor.accountId,
          before.id,
          "This is the last active Administrator: make someone else an Administrator first.",
        );
      }
      await assertUniqueUserFields(tx, input, before.id);

      const { newPassword: _password, groupIds, ...fields } = input;
      // A new password, role or inactivation ends the user's existing sessions.
      const endSessions = Boolean(passwordHash) || before.role !== input.role || inactivating;
      const [after] = await tx
        .update(users)
        .set({
          ...fields,
          ...(passwordHash ? { passwordHash } : {}),
          ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
          updatedAt: new Date(),
        })
        .where(eq(users.id, before.id))
        .returning(userColumns);

      const changes = userChanges(before, after!);
      if (changes.length > 0 || passwordHash) {
        await recordActivity(tx, {
          accountId: actor.accountId,
          kind: "user.updated",
          actor,
          target: after!,
          details: { changes, ...(passwordHash ? { passwordChanged: true } : {}) },
          clientAddress: actor.clientAddress,
        });
      }
      if (before.active !== after!.active) {
        await recordActivity(tx, {
          accountId: actor.accountId,
          kind: after!.active ? "user.reactivated" : "user.inactivated",
          actor,
          target: after!,
          clientAddress: actor.clientAddress,
        });
      }
      if (groupIds) await setUserGroups(tx, actor, after!, groupIds);
      return after!;
    });
  } catch (error) {
    rethrowUniqueViolation(error);
  }
}
