import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/lib/auth/current-user";
import { pageRequires } from "@/lib/page-guard";
import { scimBaseUrl } from "@/lib/scim/scim-base-url";

export const metadata: Metadata = { title: "SCIM provisioning" };

// What an identity provider's SCIM attributes become in Switchboard (lib/scim/users).
const userAttributes: [scim: string, switchboard: string][] = [
  [
    "userName",
    "User Name. One that is not a valid user name here (an email, say) is kept as the SCIM userName, and the user name is made from the part before @; people sign in with it or their email",
  ],
  ["name.givenName / name.familyName", "First Name / Last Name"],
  ["emails (the primary one)", "Email; a userName that is an email is used when none is sent"],
  ["active", "Active: false signs the user out and stops sign-in"],
  ["title, nickName", "Title, Alias"],
  [
    "password",
    "Password (must meet the policy); left out, the user is emailed a link to choose one",
  ],
  ["externalId", "Kept as sent, unique in the organization, filterable"],
  ["groups (read only)", "The user's groups; change them through /Groups"],
];

const groupAttributes: [scim: string, switchboard: string][] = [
  ["displayName", "Group name (unique in the organization)"],
  ["members", "Group members; membership grants the group's permissions"],
  ["externalId", "Kept as sent, unique in the organization, filterable"],
];

function AttributeTable({ caption, rows }: { caption: string; rows: [string, string][] }) {
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="mb-1 text-left text-sm font-semibold text-neutral-900">{caption}</caption>
      <thead>
        <tr className="border-b border-neutral-200 text-xs text-neutral-600">
          <th scope="col" className="py-1 pr-3 font-medium">
            SCIM attribute
          </th>
          <th scope="col" className="py-1 font-medium">
            In Switchboard
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-neutral-100">
        {rows.map(([scim, switchboard]) => (
          <tr key={scim} className="align-top">
            <td className="w-72 py-1 pr-3 font-mono text-xs text-neutral-900">{scim}</td>
            <td className="py-1 text-neutral-700">{switchboard}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How to connect an identity provider (Okta, Entra ID…) to provision users and groups. */
export default async function ScimPage() {
  const actor = await requireActor();
  pageRequires(actor, "integrations", "view");
  const baseUrl = await scimBaseUrl();
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="SCIM provisioning"
        description="Let your identity provider create, update, deactivate and group your people in Switchboard (SCIM 2.0)."
      />
      <section
        aria-labelledby="connect-heading"
        className="rounded-md border border-neutral-200 bg-white p-4"
      >
        <h2 id="connect-heading" className="text-base font-semibold text-neutral-900">
          Connect your identity provider
        </h2>
        <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-neutral-700">SCIM base URL</dt>
          <dd>
            <code className="break-all rounded bg-neutral-100 px-1.5 py-0.5 font-mono text-xs">
              {baseUrl}
            </code>
          </dd>
          <dt className="font-medium text-neutral-700">Authentication</dt>
          <dd className="text-neutral-700">
            HTTP header <code className="font-mono text-xs">Authorization: Bearer sbk_…</code> with
            an{" "}
            <Link href="/integrations/tokens" className="text-accent-700 underline">
              API token
            </Link>{" "}
            made by an Administrator with every scope. A token with fewer scopes acts as a User
            holding exactly them, and a User may change only people whose permissions they hold
            themselves (every User can view instances, for one): such a token can change almost no
            one, and never makes or changes Administrators.
          </dd>
          <dt className="font-medium text-neutral-700">Supported</dt>
          <dd className="text-neutral-700">
            <code className="font-mono text-xs">/Users</code> and{" "}
            <code className="font-mono text-xs">/Groups</code> with GET, POST, PUT, PATCH and
            DELETE; filters with <code className="font-mono text-xs">eq</code> (and{" "}
            <code className="font-mono text-xs">co</code>,{" "}
            <code className="font-mono text-xs">sw</code>,{" "}
            <code className="font-mono text-xs">ew</code> on userName and emails) joined by{" "}
            <code className="font-mono text-xs">and</code>; paging with startIndex and count (at
            most 200); ETags and If-Match. Discovery:{" "}
            <code className="font-mono text-xs">/ServiceProviderConfig</code>,{" "}
            <code className="font-mono text-xs">/ResourceTypes</code>,{" "}
            <code className="font-mono text-xs">/Schemas</code>.
          </dd>
        </dl>
      </section>
      <section aria-labelledby="mapping-heading" className="space-y-4">
        <h2 id="mapping-heading" className="text-base font-semibold text-neutral-900">
          What the attributes become
        </h2>
        <AttributeTable caption="Users" rows={userAttributes} />
        <AttributeTable caption="Groups" rows={groupAttributes} />
        <p className="text-sm text-neutral-700">
          Other attributes an identity provider sends (locale, phone numbers, the enterprise
          extension…) are accepted and not kept. People it creates are Users; make someone an
          Administrator, and choose what a group may do, here in the portal. Every change is in
          Account Activity under the token&apos;s name.
        </p>
      </section>
    </div>
  );
}
