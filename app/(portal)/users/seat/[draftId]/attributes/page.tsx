import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { attributeDefaults } from "@/lib/templates/attributes-schema";
import { AttributesForm } from "../../attributes-form";
import { loadWizardPage } from "../../load-wizard-page";
import { WizardFrame } from "../../wizard-frame";

export const metadata: Metadata = { title: "Setup Attributes" };

export default async function SetupAttributesPage({
  params,
}: {
  params: Promise<{ draftId: string }>;
}) {
  const { draftId } = await params;
  const loaded = await loadWizardPage(draftId, "template");
  if (!loaded.template) redirect(`/users/seat/${draftId}/template`);
  // Coming back from the preview, the form holds what was typed before.
  const defaults = {
    ...attributeDefaults(loaded.template.attributes),
    ...loaded.wizard.attributes,
  };
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
        backHref={`/users/seat/${draftId}/template`}
      />
    </WizardFrame>
  );
}
