import Link from "next/link";
import { Pane } from "@/components/pane";
import type { TemplateFormFields } from "@/lib/templates/template-form-values";
import { TemplateForm } from "./template-form";

/**
 * The template form across the whole width: its rows have up to eight inputs each, too many
 * for the detail pane beside the list.
 */
export function TemplateFormPane({
  title,
  backHref,
  templateId,
  version,
  fields,
}: {
  title: string;
  backHref: string;
  templateId?: string;
  version?: number;
  fields: TemplateFormFields;
}) {
  return (
    <>
      <h1 className="sr-only">Template Manager</h1>
      <Pane
        title={title}
        actions={
          <Link href={backHref} className="text-sm text-accent-700 underline">
            Cancel
          </Link>
        }
      >
        <div className="mx-auto max-w-4xl">
          <TemplateForm templateId={templateId} version={version} fields={fields} />
        </div>
      </Pane>
    </>
  );
}
