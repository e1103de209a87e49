import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { zodFieldErrors } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { resourceKeys } from "@/lib/billing/catalog";
import { getSubscription } from "@/lib/billing/get-subscription";
import { formatMoney } from "@/lib/billing/money";
import { previewPlanChange } from "@/lib/billing/preview-plan-change";
import { planChangeSchema } from "@/lib/billing/schemas";
import type { FieldErrors } from "@/lib/errors";
import { pageData, pageRequires } from "@/lib/page-guard";
import { formatPeriod } from "./billing-format";
import { PlanChangeForm, type PlanFormValues } from "./plan-change-form";
import { PlanPreview } from "./plan-preview";
import { ResourceTable } from "./resource-table";

export const metadata: Metadata = { title: "Plan and resources" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? "";

export default async function BillingPlanPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  // Checked before anything loads, so the "Not allowed" page can name Billing: View.
  if (!can(actor, "billing", "manage")) pageRequires(actor, "billing", "view");
  const subscription = await pageData(() => getSubscription({ actor }));
  const mayManage = can(actor, "billing", "manage");
  const params = await searchParams;
  const asked = first(params.plan) !== "";
  const values: PlanFormValues = asked
    ? {
        plan: first(params.plan),
        ...(Object.fromEntries(
          resourceKeys.map((resource) => [resource, first(params[resource])]),
        ) as Record<(typeof resourceKeys)[number], string>),
      }
    : {
        plan: subscription.plan.key,
        ...(Object.fromEntries(
          resourceKeys.map((resource) => [resource, String(subscription.addOns[resource] ?? 0)]),
        ) as Record<(typeof resourceKeys)[number], string>),
      };
  let fieldErrors: FieldErrors = {};
  let preview: Awaited<ReturnType<typeof previewPlanChange>> | undefined;
  if (mayManage && asked) {
    const parsed = planChangeSchema.safeParse(values);
    if (parsed.success) {
      preview = await pageData(() => previewPlanChange({ actor, input: parsed.data }));
      fieldErrors = preview.fieldErrors;
    } else {
      fieldErrors = zodFieldErrors(parsed.error);
    }
  }
  const money = (amount: number) => formatMoney(amount, subscription.currency);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title="Plan and resources"
        description={`Billed monthly per active user; the month is read in ${subscription.timeZone}.`}
      />
      <Pane
        title={`Current plan: ${subscription.plan.name}`}
        footer={
          <span className="tabular-nums">
            Monthly total <strong>{money(subscription.monthlyMinor)}</strong> for{" "}
            {formatPeriod(subscription.period, subscription.timeZone)}
          </span>
        }
      >
        <p className="px-4 pt-3 pb-2 text-sm text-neutral-700">
          {subscription.seats} active {subscription.seats === 1 ? "user" : "users"} ×{" "}
          {money(subscription.plan.seatPriceMinor)} per user a month
          {Object.keys(subscription.addOns).length > 0 ? ", plus the extra resources below" : ""}.
        </p>
        <ResourceTable
          lines={subscription.lines}
          currency={subscription.currency}
          caption={`Resources on the ${subscription.plan.name} plan`}
        />
      </Pane>
      {mayManage ? (
        <Pane title="Change plan or resources">
          <PlanChangeForm
            values={values}
            fieldErrors={fieldErrors}
            message={
              Object.keys(fieldErrors).length > 0 ? "Check the highlighted fields." : undefined
            }
            currency={subscription.currency}
            currentPlan={subscription.plan.key}
          />
        </Pane>
      ) : null}
      {preview && Object.keys(preview.fieldErrors).length === 0 ? (
        <PlanPreview preview={preview} timeZone={subscription.timeZone} />
      ) : null}
    </div>
  );
}
