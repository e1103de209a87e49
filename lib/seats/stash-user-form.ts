import "server-only";
import { and, desc, eq, lt, notInArray, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { userFormDrafts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountInstance } from "@/lib/instances/find-instance";
import { assertMayManageUser } from "@/lib/users/delegation-guard";
import { findAccountUser } from "@/lib/users/find-user";
import { findUserFormDraft } from "./find-user-form-draft";
import { assertMayStartSeat, type SeatStep } from "./seat-permissions";

export type StashUserFormOptions = {
  actor: Actor;
  /** What the user form held, as posted. */
  values: Record<string, string | string[]>;
  /** The user being edited; absent for a new user. */
  userId?: string;
  /** The draft the form already belongs to (it holds seats added before). */
  draftId?: string;
  /** The wizard to open; absent when the form only needs keeping (a seat removed). */
  wizard?: { instanceId: string; step: SeatStep };
};

// Passwords are never written to the database in clear: they are typed again after the wizard.
const secretField = /password/i;
const draftLifetimeMs = 24 * 60 * 60 * 1000;
const maxDraftsPerOwner = 20;

/**
 * Keeps the user form's typed values and opens the seat wizard for one instance. The
 * wizard's steps are pages of their own, so the form's state lives here between them.
 */
export async function stashUserForm({
  actor,
  values,
  userId,
  draftId,
  wizard: opening,
}: StashUserFormOptions): Promise<string> {
  assertCan(actor, "users", userId ? "edit" : "create");
  const db = getDb();
  if (opening) {
    assertMayStartSeat(actor, opening.step);
    await findAccountInstance(db, actor.accountId, opening.instanceId);
  }
  const user = userId ? await findAccountUser(db, actor.accountId, userId) : undefined;
  // Save would refuse a user the actor may not manage; the wizard says so before it starts.
  if (user) await assertMayManageUser(db, actor, user);
  const kept = Object.fromEntries(
    Object.entries(values).filter(
      ([key]) =>
        !secretField.test(key) && !key.startsWith("$") && !["seatStep", "draftId"].includes(key),
    ),
  );
  const wizard = opening ? { instanceId: opening.instanceId } : null;
  return db.transaction(async (tx) => {
    // Abandoned drafts go when their owner starts another: no sweeper needed. Past the
    // newest few go too, so a loop of new forms cannot fill the database.
    const newest = tx
      .select({ id: userFormDrafts.id })
      .from(userFormDrafts)
      .where(eq(userFormDrafts.ownerId, actor.id))
      .orderBy(desc(userFormDrafts.updatedAt), desc(userFormDrafts.id))
      .limit(draftId ? maxDraftsPerOwner : maxDraftsPerOwner - 1);
    await tx
      .delete(userFormDrafts)
      .where(
        and(
          eq(userFormDrafts.ownerId, actor.id),
          or(
            lt(userFormDrafts.updatedAt, new Date(Date.now() - draftLifetimeMs)),
            notInArray(userFormDrafts.id, newest),
          ),
        ),
      );
    if (draftId) {
      const draft = await findUserFormDraft(tx, actor, draftId, {
        forUpdate: true,
        userId: user?.id ?? null,
      });
      await tx
        .update(userFormDrafts)
        .set({ values: kept, ...(opening ? { wizard } : {}), updatedAt: new Date() })
        .where(eq(userFormDrafts.id, draft.id));
      return draft.id;
    }
    const [created] = await tx
      .insert(userFormDrafts)
      .values({
        accountId: actor.accountId,
        ownerId: actor.id,
        userId: user?.id ?? null,
        values: kept,
        wizard,
      })
      .returning({ id: userFormDrafts.id });
    return created!.id;
  });
}
