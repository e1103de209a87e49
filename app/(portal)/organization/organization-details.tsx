import type { Organization } from "@/lib/organization/organization-record";
import { formatTaxRate } from "@/lib/organization/tax-rate";
import { formatPhone } from "@/lib/users/fields/phone";

/** The profile as those who may view but not edit it see it. */
export function OrganizationDetails({ organization }: { organization: Organization }) {
  const rows: [string, string][] = [
    ["Name", organization.name],
    ["Address", organization.address],
    ["Contact email", organization.contactEmail],
    ["Billing email", organization.billingEmail],
    ["Phone", organization.phone ? formatPhone(organization.phone) : ""],
    ["Time zone", organization.timeZone],
    ["Tax rate", `${formatTaxRate(organization.taxRateBasisPoints)} %`],
  ];
  return (
    <dl className="divide-y divide-neutral-100">
      {rows.map(([term, value]) => (
        <div key={term} className="grid gap-1 px-4 py-2.5 text-sm sm:grid-cols-3 sm:gap-4">
          <dt className="font-medium text-neutral-700">{term}</dt>
          <dd className="whitespace-pre-line text-neutral-900 sm:col-span-2">
            {value || <span className="text-neutral-500">Not set</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
