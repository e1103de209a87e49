import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { GroupForm } from "../group-form";
import { GroupManager, loadGroupManager } from "../group-manager";
import { lockedPermissions } from "../locked-permissions";

export const metadata: Metadata = { title: "New group" };

export default async function NewGroupPage() {
  const loaded = await loadGroupManager();
  if (!can(loaded.actor, "groups", "create")) forbidden();
  return (
    <GroupManager
      loaded={loaded}
      selectedId=""
      detail={
        <Pane
          title="New Group"
          actions={
            <Link href="/groups" className="text-sm text-accent-700 underline lg:hidden">
              Back to list
            </Link>
          }
        >
          <GroupForm
            defaults={{ name: "", description: "", permissions: [] }}
            locked={lockedPermissions(loaded.actor)}
          />
        </Pane>
      }
    />
  );
}
