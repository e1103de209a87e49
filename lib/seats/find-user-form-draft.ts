import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type UserFormDraft, userFormDrafts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/**
 * A draft of the actor's own: nobody else's half-filled form (another Administrator's,
 * another account's) is readable or changeable through its id.
 */
export async function findUserFormDraft(
  db: Executor,
  actor: Actor,
  draftId: string,
  options: { forUpdate?: boolean } = {},
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
      ),
    );
  const [draft] = options.forUpdate ? await query.for("update") : await query;
  if (!draft) throw missing;
  return draft;
}
