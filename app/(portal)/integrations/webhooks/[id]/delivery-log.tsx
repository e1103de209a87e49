import { Button, ButtonLink } from "@/components/button";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import type {
  WebhookDeliveryPage,
  WebhookDeliveryRow,
} from "@/lib/webhooks/list-webhook-deliveries";
import { InstanceTime } from "../../../instances/instance-time";
import { redeliverWebhookAction } from "../actions";
import { DeliveryStatusBadge } from "./delivery-status-badge";

function Attempts({ delivery }: { delivery: WebhookDeliveryRow }) {
  if (delivery.attemptLog.length === 0) {
    return <p className="text-xs text-neutral-600">Not attempted yet.</p>;
  }
  return (
    <Table caption={`Attempts at delivery ${delivery.id}`}>
      <THead>
        <tr>
          <TH>Time</TH>
          <TH>Answer</TH>
          <TH className="text-right">Latency</TH>
          <TH>Response or error</TH>
        </tr>
      </THead>
      <tbody>
        {delivery.attemptLog.map((attempt) => (
          <TR key={attempt.id}>
            <TD className="align-top whitespace-nowrap text-neutral-700">
              <InstanceTime value={attempt.attemptedAt} />
            </TD>
            <TD className="align-top">{attempt.responseStatus ?? "None"}</TD>
            <TD className="text-right align-top whitespace-nowrap">{attempt.latencyMs} ms</TD>
            <TD className="align-top">
              {attempt.error ? <p className="break-words text-red-800">{attempt.error}</p> : null}
              {attempt.responseExcerpt ? (
                <pre className="mt-1 max-h-32 overflow-auto font-mono text-xs break-all whitespace-pre-wrap text-neutral-700">
                  {attempt.responseExcerpt}
                </pre>
              ) : null}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * Every event sent to the endpoint, newest first, each opening onto its attempts (status,
 * latency, the start of the answer) and, for those who manage integrations, Redeliver.
 */
export function DeliveryLog({
  endpointId,
  page,
  before,
  canRedeliver,
}: {
  endpointId: string;
  page: WebhookDeliveryPage;
  before: string;
  canRedeliver: boolean;
}) {
  const base = `/integrations/webhooks/${endpointId}`;
  return (
    <section aria-labelledby="delivery-log" className="border-t border-neutral-200">
      <h3 id="delivery-log" className="px-4 pt-4 text-sm font-semibold text-neutral-900">
        Delivery log
      </h3>
      {page.rows.length === 0 ? (
        <EmptyState title={before ? "No older deliveries" : "No deliveries yet"}>
          {before
            ? "Every delivery is on the newer pages."
            : "Events this endpoint subscribes to appear here as they are sent. Send test event tries it now."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-neutral-100 px-4 py-2">
          {page.rows.map((delivery) => (
            <li key={delivery.id} className="py-2">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <span className="font-mono text-xs text-neutral-900">{delivery.eventType}</span>
                  <DeliveryStatusBadge status={delivery.status} />
                  <span className="text-xs text-neutral-600">
                    <InstanceTime value={delivery.createdAt} />
                  </span>
                  <span className="text-xs text-neutral-600 tabular-nums">
                    {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
                  </span>
                </summary>
                <div className="mt-2 space-y-2 pl-4">
                  <p className="text-xs text-neutral-700">
                    webhook-id <span className="font-mono break-all">{delivery.id}</span>
                    {delivery.nextAttemptAt ? (
                      <>
                        {" "}
                        · next attempt <InstanceTime value={delivery.nextAttemptAt} />
                      </>
                    ) : null}
                  </p>
                  <Attempts delivery={delivery} />
                  {canRedeliver ? (
                    <form action={redeliverWebhookAction}>
                      <input type="hidden" name="id" value={endpointId} />
                      <input type="hidden" name="deliveryId" value={delivery.id} />
                      <Button type="submit" variant="secondary" size="sm">
                        Redeliver
                      </Button>
                    </form>
                  ) : null}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {before || page.nextBefore ? (
        <nav aria-label="Delivery log pages" className="flex justify-end gap-2 px-4 pb-4">
          {before ? (
            <ButtonLink variant="secondary" size="sm" href={base}>
              Newest
            </ButtonLink>
          ) : null}
          {page.nextBefore ? (
            <ButtonLink
              variant="secondary"
              size="sm"
              href={`${base}?${new URLSearchParams({ before: page.nextBefore })}`}
            >
              Older deliveries
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
