import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { Button } from "@/components/button";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { getGroup } from "@/lib/groups/get-group";
import { pageData } from "@/lib/page-guard";
import { deleteGroupAction } from "../../actions";
import { GroupManager, loadGroupManager } from "../../group-manager";

export const metadata: Metadata = { title: "Delete group" };

// The confirmation page used when scripts are off.
export default async function DeleteGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const loaded = await loadGroupManager();
  if (!can(loaded.actor, "groups", "delete")) forbidden();
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
            <div className="flex gap-3">
              <Button type="submit" variant="danger">
                Delete
              </Button>
              <Link
                href={`/groups/${group.id}`}
                className="inline-flex items-center rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm font-medium text-neutral-800 hover:bg-neutral-50"
              >
                Cancel
              </Link>
            </div>
          </form>
        </Pane>
      }
    />
  );
}
