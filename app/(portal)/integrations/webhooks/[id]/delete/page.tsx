import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { pageData, pageRequires } from "@/lib/page-guard";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { deleteWebhookEndpointAction } from "../../actions";
import { loadWebhookManager, WebhookManager } from "../../webhook-manager";

export const metadata: Metadata = { title: "Delete webhook endpoint" };

// The confirmation page used when scripts are off.
export default async function DeleteWebhookEndpointPage({
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
        <Pane title="Delete this webhook endpoint?">
          <form action={deleteWebhookEndpointAction} className="space-y-4 p-4">
            <input type="hidden" name="id" value={endpoint.id} />
            <p className="text-sm break-words text-neutral-700">
              {endpoint.url} gets no more events, and its delivery log is deleted with it.
            </p>
            {/* Cancel, then the destructive action on the right: as in the dialog. */}
            <div className="flex justify-end gap-2">
              <ButtonLink href={`/integrations/webhooks/${endpoint.id}`} variant="secondary">
                Cancel
              </ButtonLink>
              <Button type="submit" variant="danger">
                Delete
              </Button>
            </div>
          </form>
        </Pane>
      }
    />
  );
}
