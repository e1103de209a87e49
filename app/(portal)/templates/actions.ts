"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { formDataObject } from "@/lib/form-values";
import { pageData } from "@/lib/page-guard";
import { createTemplate } from "@/lib/templates/create-template";
import { deleteTemplate } from "@/lib/templates/delete-template";
import { templateFormSchema } from "@/lib/templates/template-form-schema";
import {
  flattenFormValues,
  templateFormSections,
  withMoreRows,
} from "@/lib/templates/template-form-values";
import { updateTemplate } from "@/lib/templates/update-template";

const templateId = (formData: FormData) => String(formData.get("id") ?? "");

/**
 * "More rows" without scripts: the form comes back with everything typed and more blank rows
 * in the section whose button was pressed; nothing is saved or checked yet.
 */
async function moreRows(formData: FormData): Promise<ActionState | undefined> {
  const intent = String(formData.get("intent") ?? "");
  const section = templateFormSections.find((candidate) => intent === `more-rows:${candidate}`);
  if (!section) return undefined;
  await requireActor();
  const { intent: _intent, ...values } = flattenFormValues(formDataObject(formData));
  return { ok: false, message: "", fieldErrors: {}, values: withMoreRows(values, section) };
}

function expectedVersion(formData: FormData): number | undefined {
  const version = Number(formData.get("version"));
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

export async function createTemplateAction(_state: ActionState | undefined, formData: FormData) {
  return (
    (await moreRows(formData)) ??
    formAction(templateFormSchema, formData, async (input, actor) => {
      const template = await createTemplate({ actor, input });
      await flash("Template saved");
      redirect(`/templates/${template.id}`);
    })
  );
}

export async function updateTemplateAction(_state: ActionState | undefined, formData: FormData) {
  return (
    (await moreRows(formData)) ??
    formAction(templateFormSchema, formData, async (input, actor) => {
      const template = await updateTemplate({
        actor,
        templateId: templateId(formData),
        input,
        expectedVersion: expectedVersion(formData),
      });
      await flash(`Template saved (version ${template.version})`);
      redirect(`/templates/${template.id}`);
    })
  );
}

export async function deleteTemplateAction(formData: FormData) {
  const actor = await requireActor();
  await pageData(() => deleteTemplate({ actor, templateId: templateId(formData) }));
  await flash("Template deleted successfully");
  redirect("/templates");
}
