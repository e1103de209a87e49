import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { undeliverableMarkOnEmailChange } from "@/lib/email/undeliverable-mark";
import { revokePasswordTokens } from "@/lib/password-tokens/revoke-password-tokens";
import { findAccountUser } from "./find-user";
import { withNameInUseLimit } from "./name-in-use-limit";
import type { ProfileInput } from "./schemas";
import { assertUniqueUserFields, rethrowUniqueViolation } from "./unique-fields";
import { userChanges } from "./user-changes";
import { userColumns } from "./user-record";
import { verifyOwnChange } from "./verify-own-change";

export type UpdateProfileOptions = { actor: Actor; input: ProfileInput };

/**
 * The signed-in user's own details; role, active state and groups are not theirs to change.
 * A new email address drops the undeliverable mark and the links sent to the old one.
 */
export async function updateProfile({ actor, input }: UpdateProfileOptions) {
  const db = getDb();
  const { currentPassword, ...fields } = input;
  await verifyOwnChange({
    actor,
    before: await findAccountUser(db, actor.accountId, actor.id),
    email: fields.email,
    currentPassword,
  });
  return withNameInUseLimit({
    actor,
    run: async () => {
      try {
        return await db.transaction(async (tx) => {
          const before = await findAccountUser(tx, actor.accountId, actor.id);
          await assertUniqueUserFields(tx, { email: fields.email }, actor.id);
          const mark = undeliverableMarkOnEmailChange(before.email, fields.email);
          if (Object.keys(mark).length > 0) await revokePasswordTokens(tx, actor.id);
          const [after] = await tx
            .update(users)
            .set({ ...fields, ...mark, updatedAt: new Date() })
            .where(eq(users.id, actor.id))
            .returning(userColumns);
          const changes = userChanges(before, after!);
          if (changes.length > 0) {
            await recordActivity(tx, {
              accountId: actor.accountId,
              kind: "user.updated",
              actor,
              target: after!,
              details: { changes },
              clientAddress: actor.clientAddress,
            });
          }
          return after!;
        });
      } catch (error) {
        rethrowUniqueViolation(error, input);
      }
    },
  });
}

export async function getProfile({ actor }: { actor: Actor }) {
  return findAccountUser(getDb(), actor.accountId, actor.id);
}
