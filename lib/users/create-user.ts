import "server-only";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { assertCan } from "@/lib/auth/permissions";
import { ForbiddenError, InvalidError } from "@/lib/errors";
import { saveDraftSeats } from "@/lib/seats/save-draft-seats";
import { withNameInUseLimit } from "./name-in-use-limit";
import { portalOrigin } from "./portal-origin";
import { queueLoginInstructions } from "./queue-login-instructions";
import type { CreateUserInput, ScimIdentity } from "./schemas";
import { setUserGroups } from "./set-user-groups";
import { assertUniqueUserFields, rethrowUniqueViolation } from "./unique-fields";
import { unusablePasswordHash } from "./unusable-password";
import { userSnapshot } from "./user-changes";
import { userColumns } from "./user-record";

export type CreateUserOptions = {
  actor: Actor;
  input: CreateUserInput;
  /** The form's draft, when seats were added to it in the seat wizard. */
  draftId?: string;
  /** Where the login instructions' link points; default: the portal's (lib/users/portal-origin). */
  origin?: string;
  /** What the identity provider calls the user, when SCIM creates it. */
  scimIdentity?: ScimIdentity;
};

/**
 * Creates a user. With "Send login instructions" ticked, an active user's message with a
 * set-password link is queued in the same transaction; they may then have no password yet.
 */
export async function createUser({
  actor,
  input,
  draftId,
  origin,
  scimIdentity,
}: CreateUserOptions) {
  assertCan(actor, "users", "create");
  if (input.role === "administrator" && actor.role !== "administrator") {
    throw new ForbiddenError("Only an Administrator can make someone an Administrator.");
  }
  if (!input.newPassword && !input.sendLoginInstructions)
    throw new InvalidError("Check the highlighted fields.", { newPassword: "Enter a password." });
  const { newPassword } = input;
  const sendInstructions = Boolean(input.sendLoginInstructions) && input.active;
  const linkOrigin = sendInstructions ? (origin ?? (await portalOrigin())) : "";
  const db = getDb();
  return withNameInUseLimit({
    actor,
    run: async () => {
      await assertUniqueUserFields(db, input);
      const passwordHash = newPassword
        ? await hashPassword(newPassword)
        : await unusablePasswordHash();
      try {
        return await db.transaction(async (tx) => {
          const {
            newPassword: _password,
            currentPassword: _current,
            sendLoginInstructions: _send,
            groupIds,
            ...fields
          } = input;
          const [created] = await tx
            .insert(users)
            .values({ ...fields, ...scimIdentity, accountId: actor.accountId, passwordHash })
            .returning(userColumns);
          await recordActivity(tx, {
            accountId: actor.accountId,
            kind: "user.created",
            actor,
            target: created!,
            details: { user: userSnapshot(created!) },
            clientAddress: actor.clientAddress,
          });
          if (sendInstructions) {
            await queueLoginInstructions(tx, { user: created!, origin: linkOrigin });
          }
          if (groupIds) await setUserGroups(tx, actor, created!, groupIds);
          if (draftId) await saveDraftSeats(tx, { actor, user: created!, draftId });
          return created!;
        });
      } catch (error) {
        rethrowUniqueViolation(error, input);
      }
    },
  });
}
