import type { ReactNode } from "react";
import type { InstanceDetails } from "@/lib/instances/get-instance";
import { regionLabel } from "@/lib/instances/regions";
import { InstanceStatusBadge } from "../instance-status-badge";
import { InstanceTime } from "../instance-time";
import { InstanceRebuildRefresh } from "./instance-rebuild-refresh";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-4 py-2.5 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-neutral-600">{term}</dt>
      <dd className="text-sm text-neutral-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/** Status (with the rebuild in progress or the error that ended the last), region, notes. */
export function InstanceSummary({ instance }: { instance: InstanceDetails }) {
  const requester = instance.rebuildRequestedByName;
  return (
    <dl className="divide-y divide-neutral-100">
      <Row term="Status">
        {/* Announced when the page refreshes itself at the end of a rebuild. */}
        <div aria-live="polite" className="space-y-1">
          <InstanceStatusBadge status={instance.status} />
          {instance.status === "rebuilding" ? (
            <p className="text-neutral-700">
              Rebuild requested{" "}
              <InstanceTime value={instance.rebuildRequestedAt} empty="just now" />
              {requester ? ` by ${requester}` : ""}.{" "}
              <InstanceRebuildRefresh href={`/instances/${instance.id}`} />
            </p>
          ) : null}
          {instance.status === "failed" ? (
            <p className="text-red-800">
              The last rebuild failed: <span className="break-words">{instance.rebuildError}</span>
            </p>
          ) : null}
        </div>
      </Row>
      <Row term="Region">{regionLabel(instance.region)}</Row>
      <Row term="Last rebuilt">
        <InstanceTime value={instance.lastRebuiltAt} />
      </Row>
      <Row term="Notes">
        {instance.notes ? (
          <span className="whitespace-pre-line break-words">{instance.notes}</span>
        ) : (
          <span className="text-neutral-600">None</span>
        )}
      </Row>
    </dl>
  );
}
