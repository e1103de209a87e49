import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { LinkButton } from "@/components/link-button";
import { MasterDetail, Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { listTemplates } from "@/lib/templates/list-templates";

export async function loadTemplateManager() {
  const actor = await requireActor();
  const templates = await pageData(() => listTemplates({ actor }));
  return { actor, templates };
}

type Loaded = Awaited<ReturnType<typeof loadTemplateManager>>;

/** Template List beside the route's detail pane. */
export function TemplateManager({
  loaded,
  selectedId,
  detail,
}: {
  loaded: Loaded;
  selectedId?: string;
  detail: ReactNode;
}) {
  const { actor, templates } = loaded;
  const mayCreate = can(actor, "templates", "create");
  return (
    <>
      <h1 className="sr-only">Template Manager</h1>
      <MasterDetail
        showDetailOnNarrow={selectedId !== undefined}
        list={
          <Pane
            title="Template List"
            actions={
              mayCreate ? (
                <LinkButton href="/templates/new" size="sm">
                  Add New
                </LinkButton>
              ) : null
            }
          >
            {templates.length === 0 ? (
              <EmptyState title="No templates yet">
                A template sets up a user in an instance: the features to create, the questions to
                ask and the call flow.{" "}
                {mayCreate ? <Link href="/templates/new">Create the first template</Link> : null}
              </EmptyState>
            ) : (
              <Table caption="Templates" className="max-h-[70vh]">
                <THead>
                  <tr>
                    <TH>Name</TH>
                    <TH className="text-right">Version</TH>
                    <TH className="text-right">Features</TH>
                    <TH className="text-right">Seats</TH>
                  </tr>
                </THead>
                <tbody>
                  {templates.map((template) => (
                    <TR key={template.id} selected={template.id === selectedId}>
                      <TD>
                        <Link
                          href={`/templates/${template.id}`}
                          className="font-medium text-neutral-900 hover:text-accent-700 hover:underline"
                        >
                          {template.name}
                        </Link>
                      </TD>
                      <TD className="text-right">{template.version}</TD>
                      <TD className="text-right">{template.featureCount}</TD>
                      <TD className="text-right">{template.seatCount}</TD>
                    </TR>
                  ))}
                </tbody>
              </Table>
            )}
          </Pane>
        }
        detail={detail}
      />
    </>
  );
}
