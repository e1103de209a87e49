import type { Metadata } from "next";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getOrganization } from "@/lib/organization/get-organization";
import { organizationLogoUrl } from "@/lib/organization/organization-logo-url";
import { formatTaxRate } from "@/lib/organization/tax-rate";
import { timeZones } from "@/lib/organization/time-zones";
import { pageData, pageRequires } from "@/lib/page-guard";
import { formatPhone } from "@/lib/users/fields/phone";
import { removeOrganizationLogoAction } from "./actions";
import { LogoForm } from "./logo-form";
import { OrganizationDetails } from "./organization-details";
import { OrganizationForm } from "./organization-form";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage() {
  const actor = await requireActor();
  pageRequires(actor, "organization", "view");
  const organization = await pageData(() => getOrganization({ actor }));
  const editable = can(actor, "organization", "edit");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="Organization"
        description={
          editable
            ? "Your organization's profile: shown in the top bar, on invoices and in emails."
            : "Your organization's profile. Ask an Administrator for Organization: Edit to change it."
        }
      />
      <Pane title="Profile">
        {editable ? (
          <OrganizationForm
            timeZones={timeZones}
            defaults={{
              name: organization.name,
              address: organization.address,
              contactEmail: organization.contactEmail,
              billingEmail: organization.billingEmail,
              phone: organization.phone ? formatPhone(organization.phone) : "",
              timeZone: organization.timeZone,
              taxRate: formatTaxRate(organization.taxRateBasisPoints),
            }}
          />
        ) : (
          <OrganizationDetails organization={organization} />
        )}
      </Pane>
      <Pane title="Logo">
        <div className="grid gap-4 p-4 sm:grid-cols-[auto_1fr] sm:items-start">
          <div className="flex size-24 items-center justify-center overflow-hidden rounded-md border border-neutral-200 bg-neutral-50">
            {organization.hasLogo ? (
              // A plain img: the logo is served by a route of its own, with its own caching.
              // biome-ignore lint/performance/noImgElement: next/image would proxy a private image.
              <img
                src={organizationLogoUrl(organization.updatedAt)}
                alt={`${organization.name} logo`}
                className="max-h-full max-w-full object-contain"
              />
            ) : (
              <span className="px-2 text-center text-xs text-neutral-600">No logo</span>
            )}
          </div>
          {editable ? (
            <div className="space-y-3">
              <LogoForm />
              {organization.hasLogo ? (
                <form action={removeOrganizationLogoAction}>
                  <Button type="submit" variant="danger" size="sm">
                    Remove logo
                  </Button>
                </form>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-neutral-600">
              {organization.hasLogo
                ? "Shown in the top bar beside the organization's name."
                : "The organization has no logo."}
            </p>
          )}
        </div>
      </Pane>
    </div>
  );
}
