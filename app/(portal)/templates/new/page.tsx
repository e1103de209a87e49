import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/current-user";
import { pageRequires } from "@/lib/page-guard";
import { templateFormFields } from "@/lib/templates/template-form-values";
import { TemplateFormPane } from "../template-form-pane";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  pageRequires(await requireActor(), "templates", "create");
  return (
    <TemplateFormPane title="New Template" backHref="/templates" fields={templateFormFields()} />
  );
}
