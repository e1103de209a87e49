import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDialog } from "@/components/dialog";
import { LinkButton } from "@/components/link-button";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { getTemplate } from "@/lib/templates/get-template";
import { deleteTemplateAction } from "../actions";
import { deleteConsequence } from "../delete-consequence";
import { TemplateDetailsView } from "../template-details";
import { loadTemplateManager, TemplateManager } from "../template-manager";

export const metadata: Metadata = { title: "Template details" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const loaded = await loadTemplateManager();
  const { actor } = loaded;
  const template = await pageData(() => getTemplate({ actor, templateId: id }));
  return (
    <TemplateManager
      loaded={loaded}
      selectedId={template.id}
      detail={
        <Pane
          title={template.name}
          actions={
            <>
              <Link href="/templates" className="text-sm text-accent-700 underline lg:hidden">
                Back to list
              </Link>
              {can(actor, "templates", "edit") ? (
                <LinkButton href={`/templates/${template.id}/edit`} size="sm" variant="secondary">
                  Edit
                </LinkButton>
              ) : null}
              {can(actor, "templates", "delete") ? (
                <ConfirmDialog
                  triggerLabel="Delete"
                  triggerVariant="danger"
                  title={`Delete template ${template.name}?`}
                  description={deleteConsequence(template.seatCount)}
                  confirmLabel="Delete"
                  fallbackHref={`/templates/${template.id}/delete`}
                  action={deleteTemplateAction}
                  hiddenFields={{ id: template.id }}
                />
              ) : null}
            </>
          }
        >
          <TemplateDetailsView template={template} />
        </Pane>
      }
    />
  );
}
