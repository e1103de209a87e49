import type { Metadata } from "next";
import { EmptyState } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { FeatureManager, loadFeatureManager } from "./feature-manager";
import type { SearchParams } from "./list-query";

export const metadata: Metadata = { title: "Features" };

export default async function FeaturesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const loaded = await loadFeatureManager(id, searchParams);
  return (
    <FeatureManager
      loaded={loaded}
      detail={
        <Pane title="Feature Details">
          <EmptyState title="No feature selected">
            Choose a feature to see its settings
            {can(loaded.actor, "features", "create") ? ", or use Add New." : "."}
          </EmptyState>
        </Pane>
      }
    />
  );
}
