import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { zodFieldErrors } from "@/lib/actions/form-action";
import { attributeDefaults, attributesSchema } from "@/lib/templates/attributes-schema";
import { AttributesForm } from "../../attributes-form";
import { loadWizardPage } from "../../load-wizard-page";
import { WizardFrame } from "../../wizard-frame";

export const metadata: Metadata = { title: "Setup Attributes" };

export default async function SetupAttributesPage({
  params,
  searchParams,
}: {
  params: Promise<{ draftId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { draftId } = await params;
  const { check } = await searchParams;
  const loaded = await loadWizardPage(draftId, "template");
  if (!loaded.template) redirect(`/users/seat/${draftId}/template`);
  // Coming back from the preview, the form holds what was typed before.
  const defaults = {
    ...attributeDefaults(loaded.template.attributes),
    ...loaded.wizard.attributes,
  };
  // A refused Next without scripts lands here: the typed values again, with their errors.
  const typed = check ? loaded.wizard.typed : undefined;
  const refused = typed ? attributesSchema(loaded.template.attributes).safeParse(typed) : undefined;
  const initialState: ActionState | undefined =
    typed && refused && !refused.success
      ? {
          ok: false,
          message: "Check the highlighted fields.",
          fieldErrors: zodFieldErrors(refused.error),
          values: typed,
        }
      : undefined;
  return (
    <WizardFrame
      title={`Apply Template ${loaded.template.name}`}
      instanceName={loaded.instance.name}
      current="Setup Attributes"
      backHref={loaded.backHref}
    >
      <AttributesForm
        draftId={loaded.draft.id}
        definitions={loaded.template.attributes}
        defaults={defaults}
        initialState={initialState}
        backHref={`/users/seat/${draftId}/template`}
      />
    </WizardFrame>
  );
}
