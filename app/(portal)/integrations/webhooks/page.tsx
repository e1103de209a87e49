import type { Metadata } from "next";
import { EmptyState } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { loadWebhookManager, WebhookManager } from "./webhook-manager";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const loaded = await loadWebhookManager();
  return (
    <WebhookManager
      loaded={loaded}
      detail={
        <Pane title="Endpoint Details">
          <EmptyState title="No endpoint selected">
            Choose an endpoint to see its events and delivery log
            {can(loaded.actor, "integrations", "manage") ? ", or use Add Endpoint." : "."}
          </EmptyState>
        </Pane>
      }
    />
  );
}
