import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { LinkButton } from "@/components/link-button";
import { MasterDetail, Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listGroups } from "@/lib/groups/list-groups";
import { pageData } from "@/lib/page-guard";

export async function loadGroupManager() {
  const actor = await requireActor();
  const groups = await pageData(() => listGroups({ actor }));
  return { actor, groups };
}

type Loaded = Awaited<ReturnType<typeof loadGroupManager>>;

/** Group List beside the route's detail pane. */
export function GroupManager({
  loaded,
  selectedId,
  detail,
}: {
  loaded: Loaded;
  selectedId?: string;
  detail: ReactNode;
}) {
  const { actor, groups } = loaded;
  return (
    <>
      <h1 className="sr-only">Group Manager</h1>
      <MasterDetail
        showDetailOnNarrow={selectedId !== undefined}
        list={
          <Pane
            title="Group List"
            actions={
              can(actor, "groups", "create") ? (
                <LinkButton href="/groups/new" size="sm">
                  Add New
                </LinkButton>
              ) : null
            }
          >
            {groups.length === 0 ? (
              <EmptyState title="No groups yet">
                Groups grant module actions to their members.{" "}
                {can(actor, "groups", "create") ? (
                  <Link href="/groups/new">Create the first group</Link>
                ) : null}
              </EmptyState>
            ) : (
              <Table caption="Groups" className="max-h-[70vh]">
                <THead>
                  <tr>
                    <TH>Name</TH>
                    <TH>Description</TH>
                    <TH className="text-right">Members</TH>
                  </tr>
                </THead>
                <tbody>
                  {groups.map((group) => (
                    <TR key={group.id} selected={group.id === selectedId}>
                      <TD>
                        <Link
                          href={`/groups/${group.id}`}
                          className="font-medium text-neutral-900 hover:text-accent-700 hover:underline"
                        >
                          {group.name}
                        </Link>
                      </TD>
                      <TD className="max-w-64 truncate text-neutral-700">{group.description}</TD>
                      <TD className="text-right">{group.memberCount}</TD>
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
