import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/current-user";
import { pageData, pageRequires } from "@/lib/page-guard";
import { getTemplate } from "@/lib/templates/get-template";
import { templateFormFields } from "@/lib/templates/template-form-values";
import { TemplateFormPane } from "../../template-form-pane";

export const metadata: Metadata = { title: "Edit template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  pageRequires(actor, "templates", "edit");
  const template = await pageData(() => getTemplate({ actor, templateId: id }));
  return (
    <TemplateFormPane
      title={`Edit ${template.name}`}
      backHref={`/templates/${template.id}`}
      templateId={template.id}
      version={template.version}
      fields={templateFormFields(template)}
    />
  );
}
