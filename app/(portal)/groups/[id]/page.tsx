import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDialog } from "@/components/dialog";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { ungrantable } from "@/lib/groups/delegation";
import { getGroup } from "@/lib/groups/get-group";
import { pageData } from "@/lib/page-guard";
import { deleteGroupAction } from "../actions";
import { GroupForm } from "../group-form";
import { GroupManager, loadGroupManager } from "../group-manager";
import { GroupMembers } from "../group-members";
import { lockedPermissions } from "../locked-permissions";

export const metadata: Metadata = { title: "Group details" };

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const loaded = await loadGroupManager();
  const { actor } = loaded;
  const group = await pageData(() => getGroup({ actor, groupId: id }));
  const canEdit = can(actor, "groups", "edit");
  // Adding someone to a group hands them its grants: only for those who hold them all.
  const mayManageMembers = canEdit && ungrantable(actor, group.permissions).length === 0;
  return (
    <GroupManager
      loaded={loaded}
      selectedId={group.id}
      detail={
        <Pane
          title={group.name}
          actions={
            <>
              <Link href="/groups" className="text-sm text-accent-700 underline lg:hidden">
                Back to list
              </Link>
              {can(actor, "groups", "delete") ? (
                <ConfirmDialog
                  triggerLabel="Delete"
                  triggerVariant="danger"
                  title={`Delete group ${group.name}?`}
                  description="Its members lose what it granted at their next request."
                  confirmLabel="Delete"
                  fallbackHref={`/groups/${group.id}/delete`}
                  action={deleteGroupAction}
                  hiddenFields={{ id: group.id }}
                />
              ) : null}
            </>
          }
        >
          <GroupForm
            key={group.id}
            groupId={group.id}
            readOnly={!canEdit}
            locked={lockedPermissions(actor)}
            defaults={{
              name: group.name,
              description: group.description,
              permissions: group.permissions,
            }}
          />
          <GroupMembers
            groupId={group.id}
            members={group.members}
            canEdit={mayManageMembers}
            lockedReason={
              canEdit && !mayManageMembers
                ? "This group grants actions you do not have, so you cannot change its members."
                : undefined
            }
          />
        </Pane>
      }
    />
  );
}
