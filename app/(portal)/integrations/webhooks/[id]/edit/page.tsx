import type { Metadata } from "next";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { pageData, pageRequires } from "@/lib/page-guard";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { webhookDeliveryConfig } from "@/lib/webhooks/webhook-config";
import { WebhookForm } from "../../webhook-form";
import { loadWebhookManager, WebhookManager } from "../../webhook-manager";

export const metadata: Metadata = { title: "Edit webhook endpoint" };

export default async function EditWebhookEndpointPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  // Checked before the list loads, so the "Not allowed" page can name Integrations: Manage.
  pageRequires(await requireActor(), "integrations", "manage");
  const loaded = await loadWebhookManager();
  const endpoint = await pageData(() =>
    getWebhookEndpoint({ actor: loaded.actor, endpointId: id }),
  );
  return (
    <WebhookManager
      loaded={loaded}
      selectedId={endpoint.id}
      detail={
        <Pane title="Edit Endpoint">
          <WebhookForm
            key={endpoint.id}
            endpointId={endpoint.id}
            defaults={{
              url: endpoint.url,
              description: endpoint.description,
              eventTypes: endpoint.eventTypes,
            }}
            cancelHref={`/integrations/webhooks/${endpoint.id}`}
            allowHttp={webhookDeliveryConfig().allowPrivateUrls}
          />
        </Pane>
      }
    />
  );
}
