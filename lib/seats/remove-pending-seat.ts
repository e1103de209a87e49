import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { userFormDrafts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { findUserFormDraft } from "./find-user-form-draft";

/** Takes a seat back off the form before Save (nothing of it exists yet). */
export async function removePendingSeat({
  actor,
  draftId,
  index,
}: {
  actor: Actor;
  draftId: string;
  index: number;
}) {
  await getDb().transaction(async (tx) => {
    const draft = await findUserFormDraft(tx, actor, draftId, { forUpdate: true });
    const seats = draft.seats.filter((_seat, position) => position !== index);
    await tx
      .update(userFormDrafts)
      .set({ seats, wizard: null, updatedAt: new Date() })
      .where(eq(userFormDrafts.id, draft.id));
  });
}
