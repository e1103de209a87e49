import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { LinkButton } from "@/components/link-button";
import { MasterDetail, Pane } from "@/components/pane";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { subscriptionLabel } from "@/lib/webhooks/event-types";
import {
  listWebhookEndpoints,
  type WebhookEndpointListRow,
} from "@/lib/webhooks/list-webhook-endpoints";
import { InstanceTime } from "../../instances/instance-time";
import { WebhookStatusBadge } from "./webhook-status-badge";

/** What every Webhooks page shares: the actor and the account's endpoints. */
export async function loadWebhookManager() {
  const actor = await requireActor();
  const endpoints = await pageData(() => listWebhookEndpoints({ actor }));
  return { actor, endpoints };
}

export type LoadedWebhookManager = Awaited<ReturnType<typeof loadWebhookManager>>;

function EndpointList({
  actor,
  endpoints,
  selectedId,
}: {
  actor: Actor;
  endpoints: WebhookEndpointListRow[];
  selectedId?: string;
}) {
  if (endpoints.length === 0) {
    return (
      <EmptyState title="No webhook endpoints yet">
        Endpoints receive a signed request whenever users, groups, instances and seats change.{" "}
        {can(actor, "integrations", "manage") ? (
          <Link href="/integrations/webhooks/new">Add the first endpoint</Link>
        ) : (
          "An Administrator adds them."
        )}
      </EmptyState>
    );
  }
  return (
    <Table caption="Webhook endpoints" className="max-h-[70vh]">
      <THead>
        <tr>
          <TH>URL</TH>
          <TH>Event types</TH>
          <TH>Status</TH>
        </tr>
      </THead>
      <tbody>
        {endpoints.map((endpoint) => (
          <TR key={endpoint.id} selected={endpoint.id === selectedId}>
            <TD className="max-w-64 min-w-44">
              <Link
                href={`/integrations/webhooks/${endpoint.id}`}
                className="line-clamp-2 font-medium break-all text-neutral-900 hover:text-accent-700 hover:underline"
              >
                {endpoint.url}
              </Link>
              {endpoint.description ? (
                <span className="block truncate text-xs text-neutral-600">
                  {endpoint.description}
                </span>
              ) : null}
            </TD>
            <TD className="max-w-56 text-xs text-neutral-700">
              <span className="line-clamp-2">
                {endpoint.eventTypes.map(subscriptionLabel).join(", ")}
              </span>
            </TD>
            <TD>
              <WebhookStatusBadge enabled={endpoint.enabled} failingSince={endpoint.failingSince} />
              {endpoint.enabled && endpoint.failingSince ? (
                <span className="mt-0.5 block text-xs whitespace-nowrap text-neutral-600">
                  since <InstanceTime value={endpoint.failingSince} />
                </span>
              ) : null}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

/** The account's endpoints beside the route's detail pane. */
export function WebhookManager({
  loaded,
  selectedId,
  detail,
}: {
  loaded: LoadedWebhookManager;
  selectedId?: string;
  detail: ReactNode;
}) {
  const { actor, endpoints } = loaded;
  return (
    <>
      <h1 className="sr-only">Webhooks</h1>
      <MasterDetail
        showDetailOnNarrow={selectedId !== undefined}
        list={
          <Pane
            title="Webhook endpoints"
            actions={
              can(actor, "integrations", "manage") ? (
                <LinkButton href="/integrations/webhooks/new" size="sm">
                  Add Endpoint
                </LinkButton>
              ) : null
            }
          >
            <EndpointList actor={actor} endpoints={endpoints} selectedId={selectedId} />
          </Pane>
        }
        detail={detail}
      />
    </>
  );
}
