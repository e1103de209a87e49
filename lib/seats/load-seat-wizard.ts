import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features, templates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { findAccountInstance } from "@/lib/instances/find-instance";
import { escapeLike } from "@/lib/sql/escape-like";
import { findAccountTemplate } from "@/lib/templates/find-template";
import { findUserFormDraft } from "./find-user-form-draft";
import { planSeat } from "./plan-seat";
import { assertMayStartSeat, type SeatStep } from "./seat-permissions";
import { seatPersonFrom } from "./seat-person";

/** The wizard in progress in the actor's draft, with its instance (and template once chosen). */
export async function loadSeatWizard({
  actor,
  draftId,
  step,
}: {
  actor: Actor;
  draftId: string;
  step: SeatStep;
}) {
  assertMayStartSeat(actor, step);
  const db = getDb();
  const draft = await findUserFormDraft(db, actor, draftId);
  if (!draft.wizard) {
    throw new ConflictError("This seat was already added to the form.");
  }
  const instance = await findAccountInstance(db, actor.accountId, draft.wizard.instanceId);
  const template = draft.wizard.templateId
    ? await findAccountTemplate(db, actor.accountId, draft.wizard.templateId)
    : undefined;
  return { draft, wizard: draft.wizard, instance, template };
}

/** The templates to choose from in the wizard's first step. */
export async function seatTemplateChoices({ actor }: { actor: Actor }) {
  assertMayStartSeat(actor, "template");
  return getDb()
    .select({
      id: templates.id,
      name: templates.name,
      description: templates.description,
      version: templates.version,
    })
    .from(templates)
    .where(eq(templates.accountId, actor.accountId))
    .orderBy(sql`lower(${templates.name})`)
    .limit(500);
}

/** What the preview step shows: the plan Save would carry out now. */
export async function previewSeat({ actor, draftId }: { actor: Actor; draftId: string }) {
  const loaded = await loadSeatWizard({ actor, draftId, step: "template" });
  const { wizard } = loaded;
  if (!wizard.templateId || !wizard.attributes) {
    throw new ConflictError("Choose a template and fill in its setup attributes first.");
  }
  const plan = await planSeat(getDb(), {
    actor,
    instanceId: wizard.instanceId,
    templateId: wizard.templateId,
    attributes: wizard.attributes,
    person: seatPersonFrom(loaded.draft.values),
  });
  return { ...loaded, plan };
}

/** Spare features of the wizard's instance for "Add", optionally filtered by name. */
export async function spareFeatureChoices({
  actor,
  instanceId,
  q,
}: {
  actor: Actor;
  instanceId: string;
  q: string;
}) {
  assertMayStartSeat(actor, "add");
  const db = getDb();
  const instance = await findAccountInstance(db, actor.accountId, instanceId);
  const text = q.trim().toLowerCase();
  return db
    .select({
      id: features.id,
      kind: features.kind,
      name: features.name,
      phoneNumber: features.phoneNumber,
    })
    .from(features)
    .where(
      and(
        eq(features.instanceId, instance.id),
        isNull(features.seatId),
        text ? sql`lower(${features.name}) like ${`%${escapeLike(text)}%`}` : undefined,
      ),
    )
    .orderBy(asc(features.kind), sql`lower(${features.name})`, features.id)
    .limit(200);
}
