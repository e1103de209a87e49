import type { Metadata } from "next";
import { EmptyState } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { GroupManager, loadGroupManager } from "./group-manager";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  const loaded = await loadGroupManager();
  return (
    <GroupManager
      loaded={loaded}
      detail={
        <Pane title="Group Details">
          <EmptyState title="No group selected">
            Choose a group to see its members and permissions
            {can(loaded.actor, "groups", "create") ? ", or use Add New." : "."}
          </EmptyState>
        </Pane>
      }
    />
  );
}
