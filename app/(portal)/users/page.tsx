import type { Metadata } from "next";
import { EmptyState } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { loadUserManager, type SearchParams, UserManager } from "./user-manager";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const loaded = await loadUserManager(searchParams);
  return (
    <UserManager
      loaded={loaded}
      detail={
        <Pane title="User Details">
          <EmptyState title="No user selected">
            Choose a user in the list to see their details
            {can(loaded.actor, "users", "create") ? ", or use Add New to create one." : "."}
          </EmptyState>
        </Pane>
      }
    />
  );
}
