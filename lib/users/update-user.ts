import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { assertCan } from "@/lib/auth/permissions";
import { undeliverableMarkOnEmailChange } from "@/lib/email/undeliverable-mark";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { revokePasswordTokens } from "@/lib/password-tokens/revoke-password-tokens";
import { saveDraftSeats } from "@/lib/seats/save-draft-seats";
import { assertAnotherActiveAdministrator } from "./administrator-guard";
import { changeUserActive } from "./change-user-active";
import { assertMayManageUser } from "./delegation-guard";
import { findAccountUser } from "./find-user";
import { withNameInUseLimit } from "./name-in-use-limit";
import { portalOrigin } from "./portal-origin";
import { queueUserAlert } from "./queue-user-alert";
import { roleLabel } from "./role-label";
import type { ScimIdentity, UpdateUserInput } from "./schemas";
import { setUserGroups } from "./set-user-groups";
import { assertUniqueUserFields, rethrowUniqueViolation } from "./unique-fields";
import { userChanges } from "./user-changes";
import { type UserRecord, userColumns } from "./user-record";
import { verifyOwnChange } from "./verify-own-change";

export type UpdateUserOptions = {
  actor: Actor;
  userId: string;
  input: UpdateUserInput;
  /** The form's draft, when seats were added to it in the seat wizard. */
  draftId?: string;
  /** Where links in the alerts point; default: the portal's (lib/users/portal-origin). */
  origin?: string;
  /**
   * Checks the stored user inside the write's transaction, before anything changes (the REST
   * API's If-Match: throwing refuses the write, so no other save can slip in between).
   */
  precondition?: (before: UserRecord) => void;
  /** What the identity provider calls the user (SCIM), written with the change. */
  scimIdentity?: ScimIdentity;
};

/**
 * Saves the User Details form of an existing user. A new password or role, inactivation
 * and reactivation are each told to the user by email, queued with the change; a new email
 * address drops the undeliverable mark and the links sent to the old one.
 */
export async function updateUser({
  actor,
  userId,
  input,
  draftId,
  origin,
  precondition,
  scimIdentity,
}: UpdateUserOptions) {
  assertCan(actor, "users", "edit");
  const db = getDb();
  const linkOrigin = origin ?? (await portalOrigin());
  // Password work happens before the transaction: argon2 never holds a connection. Who is
  // being changed is the stored id, not the one the form sent (another letter case of the
  // actor's own id is the actor too).
  await verifyOwnChange({
    actor,
    before: await findAccountUser(db, actor.accountId, userId),
    email: input.email,
    newPassword: input.newPassword,
    currentPassword: input.currentPassword,
  });
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : undefined;
  return withNameInUseLimit({
    actor,
    run: async () => {
      try {
        return await db.transaction(async (tx) => {
          await lockAccount(tx, actor.accountId);
          const before = await findAccountUser(tx, actor.accountId, userId);
          await assertMayManageUser(tx, actor, before);
          precondition?.(before);
          const self = before.id === actor.id;
          const promoting = input.role === "administrator" && before.role !== "administrator";
          const demoting = before.role === "administrator" && input.role !== "administrator";
          if (promoting && actor.role !== "administrator") {
            throw new ForbiddenError("Only an Administrator can make someone an Administrator.");
          }
          if (self && demoting) {
            throw new ConflictError("You cannot remove your own Administrator role.", "role");
          }
          if (demoting && before.active) {
            await assertAnotherActiveAdministrator(
              tx,
              actor.accountId,
              before.id,
              "This is the last active Administrator: make someone else an Administrator first.",
            );
          }
          await assertUniqueUserFields(tx, input, before.id);

          const {
            newPassword: _password,
            currentPassword: _current,
            groupIds,
            active,
            ...fields
          } = input;
          // A new password or role ends the user's existing sessions.
          const roleChanged = before.role !== input.role;
          const endSessions = Boolean(passwordHash) || roleChanged;
          const mark = undeliverableMarkOnEmailChange(before.email, input.email);
          const emailChanged = Object.keys(mark).length > 0;
          const [updated] = await tx
            .update(users)
            .set({
              ...fields,
              ...scimIdentity,
              ...(passwordHash ? { passwordHash } : {}),
              ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
              ...mark,
              updatedAt: new Date(),
            })
            .where(eq(users.id, before.id))
            .returning(userColumns);

          const changes = userChanges(before, updated!);
          if (changes.length > 0 || passwordHash) {
            await recordActivity(tx, {
              accountId: actor.accountId,
              kind: "user.updated",
              actor,
              target: updated!,
              details: { changes, ...(passwordHash ? { passwordChanged: true } : {}) },
              clientAddress: actor.clientAddress,
            });
          }
          if (passwordHash || emailChanged) await revokePasswordTokens(tx, before.id);
          if (passwordHash) {
            await queueUserAlert(tx, {
              user: updated!,
              template: "password-changed",
              props: { userName: updated!.userName },
            });
          }
          if (roleChanged) {
            await queueUserAlert(tx, {
              user: updated!,
              template: "role-changed",
              props: { oldRole: roleLabel(before.role), newRole: roleLabel(updated!.role) },
            });
          }
          const after = await changeUserActive(tx, {
            actor,
            user: updated!,
            active,
            origin: linkOrigin,
          });
          if (groupIds) await setUserGroups(tx, actor, after, groupIds);
          if (draftId) await saveDraftSeats(tx, { actor, user: after, draftId });
          return after;
        });
      } catch (error) {
        rethrowUniqueViolation(error, input);
      }
    },
  });
}
