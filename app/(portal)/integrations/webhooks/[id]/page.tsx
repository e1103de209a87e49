import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/dialog";
import { LinkButton } from "@/components/link-button";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import {
  deleteWebhookEndpointAction,
  enableWebhookEndpointAction,
  sendTestWebhookAction,
} from "../actions";
import { loadWebhookManager, WebhookManager } from "../webhook-manager";
import { DeliveryLog } from "./delivery-log";
import { EndpointSummary } from "./endpoint-summary";

export const metadata: Metadata = { title: "Webhook endpoint" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function logPosition(searchParams: SearchParams): Promise<string> {
  const before = (await searchParams).before;
  const value = Array.isArray(before) ? before[0] : before;
  return value && value.length <= 200 ? value : "";
}

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const loaded = await loadWebhookManager();
  const { actor } = loaded;
  const before = await logPosition(searchParams);
  const [endpoint, deliveries] = await pageData(() =>
    Promise.all([
      getWebhookEndpoint({ actor, endpointId: id }),
      listWebhookDeliveries({ actor, endpointId: id, before: before || undefined }),
    ]),
  );
  const mayManage = can(actor, "integrations", "manage");
  return (
    <WebhookManager
      loaded={loaded}
      selectedId={endpoint.id}
      detail={
        <Pane
          title="Endpoint Details"
          actions={
            <>
              <Link
                href="/integrations/webhooks"
                className="text-sm text-accent-700 underline lg:hidden"
              >
                Back to list
              </Link>
              {mayManage ? (
                <>
                  <LinkButton
                    href={`/integrations/webhooks/${endpoint.id}/edit`}
                    variant="secondary"
                    size="sm"
                  >
                    Edit
                  </LinkButton>
                  <ConfirmDialog
                    triggerLabel="Delete"
                    triggerVariant="danger"
                    title="Delete this webhook endpoint?"
                    description={`${endpoint.url} gets no more events, and its delivery log is deleted with it.`}
                    confirmLabel="Delete"
                    fallbackHref={`/integrations/webhooks/${endpoint.id}/delete`}
                    action={deleteWebhookEndpointAction}
                    hiddenFields={{ id: endpoint.id }}
                  />
                </>
              ) : null}
            </>
          }
        >
          <EndpointSummary endpoint={endpoint} />
          {mayManage ? (
            <div className="flex flex-wrap items-center gap-3 border-t border-neutral-200 p-4">
              {endpoint.enabled ? (
                <form action={sendTestWebhookAction} className="flex flex-wrap items-center gap-3">
                  <input type="hidden" name="id" value={endpoint.id} />
                  <Button type="submit" variant="secondary" aria-describedby="test-event-help">
                    Send test event
                  </Button>
                  <p id="test-event-help" className="text-xs text-neutral-600">
                    Sends a signed webhook.test event to this endpoint now.
                  </p>
                </form>
              ) : (
                <form
                  action={enableWebhookEndpointAction}
                  className="flex flex-wrap items-center gap-3"
                >
                  <input type="hidden" name="id" value={endpoint.id} />
                  <Button type="submit" aria-describedby="enable-help">
                    Enable
                  </Button>
                  <p id="enable-help" className="text-xs text-neutral-600">
                    Sends it events again from the next change on; redeliver the ones it missed from
                    the log.
                  </p>
                </form>
              )}
            </div>
          ) : null}
          <DeliveryLog
            endpointId={endpoint.id}
            page={deliveries}
            before={before}
            canRedeliver={mayManage && endpoint.enabled}
          />
        </Pane>
      }
    />
  );
}
