import type { ReactNode } from "react";
import type { WebhookEndpointView } from "@/lib/webhooks/endpoint-view";
import { subscriptionLabel } from "@/lib/webhooks/event-types";
import { InstanceTime } from "../../../instances/instance-time";
import { WebhookStatusBadge } from "../webhook-status-badge";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-4 py-2.5 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-neutral-600">{term}</dt>
      <dd className="text-sm break-words text-neutral-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/** Where events go, which ones, and whether they still do. */
export function EndpointSummary({ endpoint }: { endpoint: WebhookEndpointView }) {
  return (
    <dl className="divide-y divide-neutral-100">
      <Row term="URL">
        <span className="break-all">{endpoint.url}</span>
      </Row>
      <Row term="Status">
        <div className="space-y-1">
          <WebhookStatusBadge enabled={endpoint.enabled} failingSince={endpoint.failingSince} />
          {!endpoint.enabled ? (
            <p className="text-red-800">
              {endpoint.disabledReason || "Disabled."} It gets no events until it is enabled again.
            </p>
          ) : endpoint.failingSince ? (
            <p className="text-neutral-700">
              Every delivery has failed since <InstanceTime value={endpoint.failingSince} />. After
              five days of failures the endpoint is disabled.
            </p>
          ) : null}
        </div>
      </Row>
      <Row term="Event types">
        <ul className="flex flex-wrap gap-1.5">
          {endpoint.eventTypes.map((type) => (
            <li
              key={type}
              className="rounded bg-neutral-100 px-1.5 py-0.5 font-mono text-xs text-neutral-800"
            >
              {subscriptionLabel(type)}
            </li>
          ))}
        </ul>
      </Row>
      <Row term="Description">
        {endpoint.description ? (
          <span className="whitespace-pre-line">{endpoint.description}</span>
        ) : (
          <span className="text-neutral-600">None</span>
        )}
      </Row>
      <Row term="Signing secret">
        <span className="text-neutral-700">
          Shown once, when the endpoint was added. To verify requests, receivers check the
          webhook-signature header against it (Standard Webhooks).
        </span>
      </Row>
      <Row term="Created">
        <InstanceTime value={endpoint.createdAt} />
      </Row>
    </dl>
  );
}
