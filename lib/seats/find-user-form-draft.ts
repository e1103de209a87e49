import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type UserFormDraft, userFormDrafts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

export type FindUserFormDraftOptions = {
  forUpdate?: boolean;
  /**
   * The form the draft must belong to: the user being edited, or null for the new-user form.
   * A draft keeps the seats of one form, never to be saved onto someone else.
   */
  userId?: string | null;
};

/**
 * A draft of the actor's own: nobody else's half-filled form (another Administrator's,
 * another account's) is readable or changeable through its id.
 */
export async function findUserFormDraft(
  db: Executor,
  actor: Actor,
  draftId: string,
  options: FindUserFormDraftOptions = {},
): Promise<UserFormDraft> {
  const missing = new NotFoundError(
    "This form has expired or was already saved. Open the user form again.",
  );
  if (!isUuid(draftId)) throw missing;
  const query = db
    .select()
    .from(userFormDrafts)
    .where(
      and(
        eq(userFormDrafts.id, draftId),
        eq(userFormDrafts.accountId, actor.accountId),
        eq(userFormDrafts.ownerId, actor.id),
        options.userId === undefined
          ? undefined
          : options.userId === null
            ? isNull(userFormDrafts.userId)
            : eq(userFormDrafts.userId, options.userId),
      ),
    );
  const [draft] = options.forUpdate ? await query.for("update") : await query;
  if (!draft) throw missing;
  return draft;
}
