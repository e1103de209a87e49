import type { Metadata } from "next";
import { EmptyState } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { loadTemplateManager, TemplateManager } from "./template-manager";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const loaded = await loadTemplateManager();
  return (
    <TemplateManager
      loaded={loaded}
      detail={
        <Pane title="Template Details">
          <EmptyState title="No template selected">
            Choose a template to see its setup attributes, features and call flow
            {can(loaded.actor, "templates", "create") ? ", or use Add New." : "."}
          </EmptyState>
        </Pane>
      }
    />
  );
}
