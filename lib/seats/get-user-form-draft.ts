import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { findUserFormDraft } from "./find-user-form-draft";

/** The actor's draft of a user form, for the form and the wizard's pages. */
export async function getUserFormDraft({ actor, draftId }: { actor: Actor; draftId: string }) {
  return findUserFormDraft(getDb(), actor, draftId);
}
