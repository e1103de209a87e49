import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { userFormDrafts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { createPendingSeats } from "./create-pending-seats";
import { findUserFormDraft } from "./find-user-form-draft";
import type { SeatPerson } from "./seat-person";

/**
 * Part of the user's Save: makes the seats the form's draft holds and retires the draft, in
 * the Save's transaction. The draft is locked first, so a double-clicked Save cannot make
 * the seats twice: the second finds the draft gone and says so.
 */
export async function saveDraftSeats(
  tx: Transaction,
  { actor, user, draftId }: { actor: Actor; user: SeatPerson & { id: string }; draftId: string },
): Promise<void> {
  const draft = await findUserFormDraft(tx, actor, draftId, { forUpdate: true });
  // A new user's draft has no user yet; an existing user's draft is theirs alone.
  if (draft.userId !== null && draft.userId !== user.id) {
    throw new NotFoundError(
      "This form has expired or was already saved. Open the user form again.",
    );
  }
  await createPendingSeats(tx, { actor, user, seats: draft.seats });
  await tx.delete(userFormDrafts).where(eq(userFormDrafts.id, draft.id));
}
