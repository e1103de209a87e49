import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { pageData, pageRequires } from "@/lib/page-guard";
import { getTemplate } from "@/lib/templates/get-template";
import { deleteTemplateAction } from "../../actions";
import { deleteConsequence } from "../../delete-consequence";
import { loadTemplateManager, TemplateManager } from "../../template-manager";

export const metadata: Metadata = { title: "Delete template" };

// The confirmation page used when scripts are off.
export default async function DeleteTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Checked before the list loads, so the "Not allowed" page can name Templates: Delete.
  pageRequires(await requireActor(), "templates", "delete");
  const loaded = await loadTemplateManager();
  const template = await pageData(() => getTemplate({ actor: loaded.actor, templateId: id }));
  return (
    <TemplateManager
      loaded={loaded}
      selectedId={template.id}
      detail={
        <Pane title={`Delete template ${template.name}?`}>
          <form action={deleteTemplateAction} className="space-y-4 p-4">
            <input type="hidden" name="id" value={template.id} />
            <p className="text-sm text-neutral-700">{deleteConsequence(template.seatCount)}</p>
            {/* Cancel, then the destructive action on the right: as in the dialog. */}
            <div className="flex justify-end gap-2">
              <ButtonLink href={`/templates/${template.id}`} variant="secondary">
                Cancel
              </ButtonLink>
              <Button type="submit" variant="danger">
                Delete
              </Button>
            </div>
          </form>
        </Pane>
      }
    />
  );
}
