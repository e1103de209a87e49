import { Button, ButtonLink } from "@/components/button";
import { FormErrorSummary } from "@/components/form-errors";
import { Pane } from "@/components/pane";
import { resourceKeys } from "@/lib/billing/catalog";
import { formatMoney } from "@/lib/billing/money";
import type { PlanChangePreview } from "@/lib/billing/preview-plan-change";
import { confirmPlanChangeAction } from "./actions";
import { formatPeriod } from "./billing-format";
import { ResourceTable } from "./resource-table";

/** The change's cost before it is made, and Confirm when it can be made. */
export function PlanPreview({
  preview,
  timeZone,
}: {
  preview: PlanChangePreview;
  timeZone: string;
}) {
  const money = (amount: number) => formatMoney(amount, preview.currency);
  const blocked = preview.problems.length > 0 || Object.keys(preview.fieldErrors).length > 0;
  const prorated = preview.proratedMinor;
  return (
    <Pane title={`Preview: ${preview.plan.name}`} className="scroll-mt-4">
      <div id="preview" className="space-y-4 p-4">
        <FormErrorSummary
          message={preview.problems.length > 0 ? preview.problems.join(" ") : undefined}
        />
        <dl className="grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-neutral-600">
              Monthly total now
            </dt>
            <dd className="text-lg tabular-nums text-neutral-900">
              {money(preview.monthlyBeforeMinor)}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-neutral-600">
              New monthly total
            </dt>
            <dd className="text-lg font-semibold tabular-nums text-neutral-900">
              {money(preview.monthlyAfterMinor)}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-neutral-600">
              {prorated < 0 ? "Credit" : "Charge"} for the rest of this month
            </dt>
            <dd className="text-lg font-semibold tabular-nums text-neutral-900">
              {money(Math.abs(prorated))}
            </dd>
          </div>
        </dl>
        <p className="text-sm text-neutral-700">
          {preview.seats} active {preview.seats === 1 ? "user" : "users"} ×{" "}
          {money(preview.plan.seatPriceMinor)}
          {Object.keys(preview.addOns).length > 0 ? ", plus the extra resources below" : ""}. The{" "}
          {prorated < 0 ? "credit" : "charge"} covers what is left of{" "}
          {formatPeriod(preview.period, timeZone)} and appears on the next invoice.
        </p>
        <ResourceTable
          lines={preview.lines}
          currency={preview.currency}
          caption={`Resources on the ${preview.plan.name} plan`}
        />
        {preview.unchanged ? (
          <p className="text-sm text-neutral-700">
            This is your plan already: choose another plan or quantity.
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <ButtonLink href="/billing/plan" variant="secondary">
            Cancel
          </ButtonLink>
          {blocked || preview.unchanged ? null : (
            <form action={confirmPlanChangeAction}>
              <input type="hidden" name="plan" value={preview.plan.key} />
              {resourceKeys.map((resource) => (
                <input
                  key={resource}
                  type="hidden"
                  name={resource}
                  value={String(preview.addOns[resource] ?? 0)}
                />
              ))}
              <input type="hidden" name="basedOn" value={preview.basedOn} />
              <Button type="submit">Confirm change</Button>
            </form>
          )}
        </div>
      </div>
    </Pane>
  );
}
