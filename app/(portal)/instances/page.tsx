import type { Metadata } from "next";
import { EmptyState } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { InstanceManager, loadInstanceManager, type SearchParams } from "./instance-manager";

export const metadata: Metadata = { title: "Instances" };

export default async function InstancesPage({ searchParams }: { searchParams: SearchParams }) {
  const loaded = await loadInstanceManager(searchParams);
  return (
    <InstanceManager
      loaded={loaded}
      detail={
        <Pane title="Instance Details">
          <EmptyState title="No instance selected">
            Choose an instance to see its status, features and seats
            {can(loaded.actor, "instances", "create") ? ", or use Add New." : "."}
          </EmptyState>
        </Pane>
      }
    />
  );
}
