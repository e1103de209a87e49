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
import type { CreateUserInput } from "./schemas";
import { setUserGroups } from "./set-user-groups";
import { assertUniqueUserFields, rethrowUniqueViolation } from "./unique-fields";
import { userSnapshot } from "./user-changes";
import { userColumns } from "./user-record";

export type CreateUserOptions = {
  actor: Actor;
  input: CreateUserInput;
  /** The form's draft, when seats were added to it in the seat wizard. */
  draftId?: string;
};

export async function createUser({ actor, input, draftId }: CreateUserOptions) {
  assertCan(actor, "users", "create");
  if (input.role === "administrator" && actor.role !== "administrator") {
    throw new ForbiddenError("Only an Administrator can make someone an Administrator.");
  }
  if (!input.newPassword)
    throw new InvalidError("Check the highlighted fields.", { newPassword: "Enter a password." });
  const { newPassword } = input;
  const db = getDb();
  return withNameInUseLimit({
    actor,
    run: async () => {
      await assertUniqueUserFields(db, input);
      const passwordHash = await hashPassword(newPassword);
      try {
        return await db.transaction(async (tx) => {
          const { newPassword: _password, currentPassword: _current, groupIds, ...fields } = input;
          const [created] = await tx
            .insert(users)
            .values({ ...fields, accountId: actor.accountId, passwordHash })
            .returning(userColumns);
          await recordActivity(tx, {
            accountId: actor.accountId,
            kind: "user.created",
            actor,
            target: created!,
            details: { user: userSnapshot(created!) },
            clientAddress: actor.clientAddress,
          });
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
