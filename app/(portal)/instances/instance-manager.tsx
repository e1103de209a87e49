import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/button";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { LinkButton } from "@/components/link-button";
import { MasterDetail, Pane } from "@/components/pane";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { type InstanceListPage, listInstances } from "@/lib/instances/list-instances";
import { regionLabel } from "@/lib/instances/regions";
import { pageData } from "@/lib/page-guard";
import { InstanceStatusBadge } from "./instance-status-badge";
import { InstanceTime } from "./instance-time";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The list page the URL names (?after=…), kept in links so the list stays where it was. */
export async function listPosition(searchParams: SearchParams | undefined): Promise<string> {
  const after = (await searchParams)?.after;
  const value = Array.isArray(after) ? after[0] : after;
  return value && value.length <= 600 ? value : "";
}

export const withList = (path: string, after: string) =>
  after ? `${path}?${new URLSearchParams({ after })}` : path;

/** What every Instance Manager page shares: the actor and the list's page. */
export async function loadInstanceManager(searchParams?: SearchParams) {
  const actor = await requireActor();
  const after = await listPosition(searchParams);
  const page = await pageData(() => listInstances({ actor, after: after || undefined }));
  return { actor, after, page };
}

export type LoadedInstanceManager = Awaited<ReturnType<typeof loadInstanceManager>>;

function InstanceList({
  actor,
  page,
  after,
  selectedId,
}: {
  actor: Actor;
  page: InstanceListPage;
  after: string;
  selectedId?: string;
}) {
  if (page.rows.length === 0) {
    return (
      <EmptyState title={after ? "No more instances" : "No instances yet"}>
        {after ? (
          <Link href="/instances">Back to the first page</Link>
        ) : can(actor, "instances", "create") ? (
          <>
            Instances are your organization's phone systems.{" "}
            <Link href="/instances/new">Add the first instance</Link>
          </>
        ) : (
          "Instances are your organization's phone systems. An Administrator adds them."
        )}
      </EmptyState>
    );
  }
  return (
    <Table caption="Instances" className="max-h-[70vh]">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Region</TH>
          <TH>Status</TH>
          <TH>Last rebuilt</TH>
        </tr>
      </THead>
      <tbody>
        {page.rows.map((instance) => (
          <TR key={instance.id} selected={instance.id === selectedId}>
            <TD>
              <Link
                href={withList(`/instances/${instance.id}`, after)}
                className="font-medium text-neutral-900 hover:text-accent-700 hover:underline"
              >
                {instance.name}
              </Link>
            </TD>
            <TD className="text-neutral-700">{regionLabel(instance.region)}</TD>
            <TD>
              <InstanceStatusBadge status={instance.status} />
            </TD>
            <TD className="whitespace-nowrap text-neutral-700">
              <InstanceTime value={instance.lastRebuiltAt} />
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

/** Instance List beside the route's detail pane. */
export function InstanceManager({
  loaded,
  selectedId,
  detail,
}: {
  loaded: LoadedInstanceManager;
  selectedId?: string;
  detail: ReactNode;
}) {
  const { actor, page, after } = loaded;
  const paging =
    after || page.nextAfter ? (
      <nav aria-label="Pages" className="flex justify-end gap-2">
        {after ? (
          <ButtonLink variant="secondary" size="sm" href="/instances">
            First page
          </ButtonLink>
        ) : null}
        {page.nextAfter ? (
          <ButtonLink variant="secondary" size="sm" href={withList("/instances", page.nextAfter)}>
            Next page
          </ButtonLink>
        ) : null}
      </nav>
    ) : undefined;
  return (
    <>
      <h1 className="sr-only">Instance Manager</h1>
      <MasterDetail
        showDetailOnNarrow={selectedId !== undefined}
        list={
          <Pane
            title="Instance List"
            actions={
              can(actor, "instances", "create") ? (
                <LinkButton href="/instances/new" size="sm">
                  Add New
                </LinkButton>
              ) : null
            }
            footer={paging}
          >
            <InstanceList actor={actor} page={page} after={after} selectedId={selectedId} />
          </Pane>
        }
        detail={detail}
      />
    </>
  );
}
