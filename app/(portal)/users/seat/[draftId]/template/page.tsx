import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/data-table";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { seatTemplateChoices } from "@/lib/seats/load-seat-wizard";
import { ChooseTemplateForm } from "../../choose-template-form";
import { loadWizardPage } from "../../load-wizard-page";
import { WizardFrame } from "../../wizard-frame";

export const metadata: Metadata = { title: "Apply Template" };

export default async function ChooseTemplatePage({
  params,
}: {
  params: Promise<{ draftId: string }>;
}) {
  const { draftId } = await params;
  const loaded = await loadWizardPage(draftId, "template");
  const templates = await pageData(() => seatTemplateChoices({ actor: loaded.actor }));
  return (
    <WizardFrame
      title="Apply Template"
      instanceName={loaded.instance.name}
      current="Template"
      backHref={loaded.backHref}
    >
      {templates.length === 0 ? (
        <EmptyState title="No templates yet">
          A template lists the features a seat gets.{" "}
          {can(loaded.actor, "templates", "create") ? (
            <Link href="/templates/new">Create a template</Link>
          ) : (
            "Ask an Administrator to create one."
          )}
        </EmptyState>
      ) : (
        <ChooseTemplateForm
          draftId={loaded.draft.id}
          templates={templates}
          chosen={loaded.wizard.templateId}
        />
      )}
    </WizardFrame>
  );
}
