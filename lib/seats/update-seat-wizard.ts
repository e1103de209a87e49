import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import {
  type PendingSeat,
  type UserFormDraft,
  userFormDrafts,
  type WizardState,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { findAccountTemplate } from "@/lib/templates/find-template";
import { findUserFormDraft } from "./find-user-form-draft";
import { assertMayStartSeat } from "./seat-permissions";

type Change = (
  draft: UserFormDraft & { wizard: WizardState },
  tx: Transaction,
) => Promise<{
  wizard?: WizardState | null;
  seats?: PendingSeat[];
}>;

/** One step of the wizard: reads the actor's draft under a lock and writes the step's result. */
async function changeWizard(actor: Actor, draftId: string, change: Change): Promise<UserFormDraft> {
  return getDb().transaction(async (tx) => {
    const draft = await findUserFormDraft(tx, actor, draftId, { forUpdate: true });
    if (!draft.wizard) {
      throw new ConflictError("This seat was already added to the form. Go back to the user form.");
    }
    const next = await change({ ...draft, wizard: draft.wizard }, tx);
    const [updated] = await tx
      .update(userFormDrafts)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(userFormDrafts.id, draft.id))
      .returning();
    return updated!;
  });
}

export function chooseSeatTemplate({
  actor,
  draftId,
  templateId,
}: {
  actor: Actor;
  draftId: string;
  templateId: string;
}) {
  assertMayStartSeat(actor, "template");
  return changeWizard(actor, draftId, async (draft, tx) => {
    const template = await findAccountTemplate(tx, actor.accountId, templateId);
    // Another template's answers do not carry over.
    const attributes =
      draft.wizard.templateId === template.id ? draft.wizard.attributes : undefined;
    return { wizard: { instanceId: draft.wizard.instanceId, templateId: template.id, attributes } };
  });
}

/** Keeps the Setup Attributes as typed (already checked by the caller against the template). */
export function setSeatAttributes({
  actor,
  draftId,
  attributes,
}: {
  actor: Actor;
  draftId: string;
  attributes: Record<string, string>;
}) {
  assertMayStartSeat(actor, "template");
  return changeWizard(actor, draftId, async (draft) => ({
    wizard: { ...draft.wizard, attributes, typed: undefined },
  }));
}

/** Keeps refused Setup Attributes as typed, for the page that shows them with their errors. */
export function keepTypedSeatAttributes({
  actor,
  draftId,
  typed,
}: {
  actor: Actor;
  draftId: string;
  typed: Record<string, string>;
}) {
  assertMayStartSeat(actor, "template");
  return changeWizard(actor, draftId, async (draft) => ({ wizard: { ...draft.wizard, typed } }));
}

/** "Finish": the previewed seat joins the form's pending seats; Save will make it. */
export function finishSeatTemplate({
  actor,
  draftId,
  templateVersion,
}: {
  actor: Actor;
  draftId: string;
  templateVersion: number;
}) {
  assertMayStartSeat(actor, "template");
  return changeWizard(actor, draftId, async (draft) => {
    const { instanceId, templateId, attributes } = draft.wizard;
    if (!templateId || !attributes) {
      throw new ConflictError("Choose a template and fill in its setup attributes first.");
    }
    const others = draft.seats.filter((seat) => seat.instanceId !== instanceId || !seat.templateId);
    const seat: PendingSeat = {
      instanceId,
      templateId,
      templateVersion,
      attributes,
      addFeatureIds: [],
    };
    return { wizard: null, seats: [...others, seat] };
  });
}

/** "Add": spare features of the instance join the form's pending seats. */
export function addPendingSpares({
  actor,
  draftId,
  featureIds,
}: {
  actor: Actor;
  draftId: string;
  featureIds: string[];
}) {
  assertMayStartSeat(actor, "add");
  return changeWizard(actor, draftId, async (draft) => {
    const { instanceId } = draft.wizard;
    const existing = draft.seats.find((seat) => seat.instanceId === instanceId && !seat.templateId);
    const ids = [...new Set([...(existing?.addFeatureIds ?? []), ...featureIds])];
    const others = draft.seats.filter((seat) => seat !== existing);
    return { wizard: null, seats: [...others, { instanceId, attributes: {}, addFeatureIds: ids }] };
  });
}
