import "server-only";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current-user";
import { ConflictError } from "@/lib/errors";
import { pageData } from "@/lib/page-guard";
import { getUserFormDraft } from "@/lib/seats/get-user-form-draft";
import { loadSeatWizard } from "@/lib/seats/load-seat-wizard";
import type { SeatStep } from "@/lib/seats/seat-permissions";
import { userFormHref } from "../seat-step";

/**
 * A wizard page's data. A wizard already finished (the back button after Finish) goes back
 * to its user form instead of failing: the seat is on the form.
 */
export async function loadWizardPage(draftId: string, step: SeatStep) {
  const actor = await requireActor();
  try {
    const loaded = await pageData(() => loadSeatWizard({ actor, draftId, step }));
    return { actor, ...loaded, backHref: userFormHref(loaded.draft.id, loaded.draft.userId) };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const draft = await pageData(() => getUserFormDraft({ actor, draftId }));
    redirect(userFormHref(draft.id, draft.userId));
  }
}
