import type { ReactNode } from "react";
import { PhoneNumber } from "@/components/phone-link";
import type { UserRecord } from "@/lib/users/user-record";

/** User Details for someone who may view but not edit this user. */
export function UserSummary({ user }: { user: UserRecord }) {
  const rows: [string, ReactNode][] = [
    ["User Name", user.userName],
    ["First Name", user.firstName],
    ["Last Name", user.lastName],
    ["Alias", user.alias],
    ["Title", user.title],
    ["Email", user.email],
    ["Available From Email", user.fromEmails.join(", ")],
    ["Phone", user.phone ? <PhoneNumber key="phone" e164={user.phone} ext={user.extension} /> : ""],
    ["Extension", user.extension],
    ["Address", user.address],
    ["Active", user.active ? "Yes" : "No"],
    ["Role", user.role === "administrator" ? "Administrator" : "User"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-semibold uppercase tracking-wide text-neutral-600">
            {label}
          </dt>
          <dd className="mt-0.5 text-neutral-900">{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
