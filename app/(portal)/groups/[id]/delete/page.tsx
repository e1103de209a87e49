import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { getGroup } from "@/lib/groups/get-group";
import { pageData, pageRequires } from "@/lib/page-guard";
import { deleteGroupAction } from "../../actions";
import { GroupManager, loadGroupManager } from "../../group-manager";

export const metadata: Metadata = { title: "Delete group" };

// The confirmation page used when scripts are off.
export default async function DeleteGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Checked before the list loads, so the "Not allowed" page can name Groups: Delete.
  pageRequires(await requireActor(), "groups", "delete");
  const loaded = await loadGroupManager();
  const group = await pageData(() => getGroup({ actor: loaded.actor, groupId: id }));
  return (
    <GroupManager
      loaded={loaded}
      selectedId={group.id}
      detail={
        <Pane title={`Delete group ${group.name}?`}>
          <form action={deleteGroupAction} className="space-y-4 p-4">
            <input type="hidden" name="id" value={group.id} />
            <p className="text-sm text-neutral-700">
              {group.members.length === 0
                ? "It has no members."
                : `Its ${group.members.length === 1 ? "member loses" : `${group.members.length} members lose`} what it granted at their next request.`}
            </p>
            {/* Cancel, then the destructive action on the right: as in the dialog. */}
            <div className="flex justify-end gap-2">
              <ButtonLink href={`/groups/${group.id}`} variant="secondary">
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
