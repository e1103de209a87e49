import { Button, ButtonLink } from "@/components/button";
import { TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import {
  addOnUnitPriceMinor,
  type PlanKey,
  plans,
  type ResourceKey,
  resourceKeys,
  resourceLabels,
} from "@/lib/billing/catalog";
import { formatMoney } from "@/lib/billing/money";
import type { FieldErrors } from "@/lib/errors";

export type PlanFormValues = { plan: string } & Record<ResourceKey, string>;

/**
 * The plan and the extra quantities. A GET to this page, so Preview needs no script and the
 * preview's address keeps every choice: Back, reload and a refused Confirm lose nothing.
 */
export function PlanChangeForm({
  values,
  fieldErrors,
  message,
  currency,
  currentPlan,
}: {
  values: PlanFormValues;
  fieldErrors: FieldErrors;
  message?: string;
  currency: string;
  currentPlan: PlanKey;
}) {
  const planError = fieldErrors.plan;
  return (
    <form method="get" action="/billing/plan#preview" className="space-y-5 p-4">
      <FormErrorSummary message={message} />
      <fieldset aria-describedby={planError ? "plan-error" : undefined}>
        <legend className="text-sm font-medium text-neutral-900">Plan</legend>
        <div className="mt-2 grid gap-2 md:grid-cols-3">
          {Object.values(plans).map((plan) => (
            <label
              key={plan.key}
              className="flex cursor-pointer gap-3 rounded-md border border-neutral-200 p-3 hover:bg-neutral-50 has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50"
            >
              <input
                type="radio"
                name="plan"
                value={plan.key}
                defaultChecked={plan.key === values.plan}
                className="mt-1"
              />
              <span>
                <span className="block text-sm font-medium text-neutral-900">
                  {plan.name}
                  {plan.key === currentPlan ? (
                    <span className="font-normal text-neutral-600"> (current)</span>
                  ) : null}
                </span>
                <span className="block text-sm tabular-nums text-neutral-800">
                  {formatMoney(plan.seatPriceMinor, currency)} per user a month
                </span>
                <span className="block text-xs text-neutral-600">{plan.description}</span>
              </span>
            </label>
          ))}
        </div>
        {planError ? (
          <p id="plan-error" className="mt-1 text-xs font-medium text-red-700">
            {planError}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-neutral-900">Extra resources</legend>
        <p className="mt-1 text-xs text-neutral-600">
          Bought beyond what the plan includes; a plan that refuses more of a resource sells none.
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {resourceKeys.map((resource) => (
            <TextInput
              key={resource}
              label={`Extra ${resourceLabels[resource].many}`}
              name={resource}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              defaultValue={values[resource]}
              error={fieldErrors[resource]}
              help={`${formatMoney(addOnUnitPriceMinor[resource], currency)} a month each`}
            />
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end gap-2">
        <ButtonLink href="/billing/plan" variant="secondary">
          Reset
        </ButtonLink>
        <Button type="submit">Preview change</Button>
      </div>
    </form>
  );
}
