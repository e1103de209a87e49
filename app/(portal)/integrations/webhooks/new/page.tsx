import type { Metadata } from "next";
import Link from "next/link";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { pageRequires } from "@/lib/page-guard";
import { webhookDeliveryConfig } from "@/lib/webhooks/webhook-config";
import { WebhookForm } from "../webhook-form";
import { loadWebhookManager, WebhookManager } from "../webhook-manager";

export const metadata: Metadata = { title: "New webhook endpoint" };

export default async function NewWebhookEndpointPage() {
  // Checked before the list loads, so the "Not allowed" page can name Integrations: Manage.
  pageRequires(await requireActor(), "integrations", "manage");
  const loaded = await loadWebhookManager();
  return (
    <WebhookManager
      loaded={loaded}
      selectedId=""
      detail={
        <Pane
          title="New Endpoint"
          actions={
            <Link
              href="/integrations/webhooks"
              className="text-sm text-accent-700 underline lg:hidden"
            >
              Back to list
            </Link>
          }
        >
          <WebhookForm
            defaults={{ url: "", description: "", eventTypes: [] }}
            cancelHref="/integrations/webhooks"
            allowHttp={webhookDeliveryConfig().allowPrivateUrls}
          />
        </Pane>
      }
    />
  );
}
