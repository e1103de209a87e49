"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { domainErrorState, zodFieldErrors } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { formDataObject } from "@/lib/form-values";
import { loadSeatWizard } from "@/lib/seats/load-seat-wizard";
import {
  addPendingSpares,
  chooseSeatTemplate,
  finishSeatTemplate,
  keepTypedSeatAttributes,
  setSeatAttributes,
} from "@/lib/seats/update-seat-wizard";
import { attributesSchema } from "@/lib/templates/attributes-schema";
import { userFormHref } from "../seat-step";

/** The form's own fields as typed (one value each), without the draft id. */
function typedValues(values: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([key]) => key !== "draftId")
      .map(([key, value]) => [key, Array.isArray(value) ? (value[0] ?? "") : value]),
  );
}

const draftIdOf = (formData: FormData) => String(formData.get("draftId") ?? "");

/** Step 1 → 2: the chosen template. */
export async function chooseSeatTemplateAction(
  _state: ActionState | undefined,
  formData: FormData,
) {
  const values = formDataObject(formData);
  const templateId = String(formData.get("templateId") ?? "");
  const draftId = draftIdOf(formData);
  if (!templateId) {
    return {
      ok: false,
      message: "Choose a template.",
      fieldErrors: { templateId: "Choose a template." },
      values,
    };
  }
  try {
    await chooseSeatTemplate({ actor: await requireActor(), draftId, templateId });
  } catch (error) {
    return domainErrorState(error, values);
  }
  redirect(`/users/seat/${draftId}/attributes`);
}

/** Step 2 → 3: the Setup Attributes, checked against the template's own definitions. */
export async function setSeatAttributesAction(_state: ActionState | undefined, formData: FormData) {
  const values = formDataObject(formData);
  const draftId = draftIdOf(formData);
  try {
    const actor = await requireActor();
    const { template } = await loadSeatWizard({ actor, draftId, step: "template" });
    if (!template) redirect(`/users/seat/${draftId}/template`);
    const parsed = attributesSchema(template.attributes).safeParse(values);
    if (!parsed.success) {
      // Without scripts the refusal is a page of its own (a redirect, not a POST answer), so
      // the browser's Back from the preview later finds a page to go back to.
      if (!(await headers()).has("next-action")) {
        await keepTypedSeatAttributes({ actor, draftId, typed: typedValues(values) });
        redirect(`/users/seat/${draftId}/attributes?check=1`);
      }
      return {
        ok: false,
        message: "Check the highlighted fields.",
        fieldErrors: zodFieldErrors(parsed.error),
        values,
      };
    }
    await setSeatAttributes({ actor, draftId, attributes: parsed.data });
  } catch (error) {
    return domainErrorState(error, values);
  }
  redirect(`/users/seat/${draftId}/preview`);
}

/** Step 3: Finish puts the previewed seat on the user form. */
export async function finishSeatTemplateAction(formData: FormData) {
  const actor = await requireActor();
  const draftId = draftIdOf(formData);
  const templateVersion = Number(formData.get("templateVersion"));
  const draft = await finishSeatTemplate({ actor, draftId, templateVersion });
  redirect(userFormHref(draft.id, draft.userId));
}

const featureIds = z.preprocess(
  (value) => (Array.isArray(value) ? value : value ? [value] : []),
  z.array(z.uuid()),
);

/** "Add": the ticked spare features go on the user form. */
export async function addPendingSparesAction(_state: ActionState | undefined, formData: FormData) {
  const values = formDataObject(formData);
  const parsed = featureIds.safeParse(values.featureIds);
  if (!parsed.success || parsed.data.length === 0) {
    return {
      ok: false,
      message: "Tick at least one feature to add.",
      fieldErrors: { featureIds: "Tick at least one feature to add." },
      values,
    };
  }
  let target: string;
  try {
    const draft = await addPendingSpares({
      actor: await requireActor(),
      draftId: draftIdOf(formData),
      featureIds: parsed.data,
    });
    target = userFormHref(draft.id, draft.userId);
  } catch (error) {
    return domainErrorState(error, values);
  }
  redirect(target);
}
