import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { userFormDrafts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
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
  await createPendingSeats(tx, { actor, user, seats: draft.seats });
  await tx.delete(userFormDrafts).where(eq(userFormDrafts.id, draft.id));
}
