import Link from "next/link";
import type { UserCounts } from "@/lib/users/count-users";
import type { UserListQuery } from "@/lib/users/schemas";
import { listQueryString, listView } from "./list-href";

export function formatCount(count: number, capped: boolean): string {
  return `${count.toLocaleString("en-US")}${capped && count >= 1000 ? "+" : ""}`;
}

/** Active and Inactive users, each with its count; switching keeps the search and sort. */
export function StatusTabs({ query, counts }: { query: UserListQuery; counts: UserCounts }) {
  const tabs = [
    { status: "active", label: "Active", count: counts.active },
    { status: "inactive", label: "Inactive", count: counts.inactive },
  ] as const;
  return (
    <nav aria-label="User status" className="flex gap-1 border-b border-neutral-200 px-4 pt-2">
      {tabs.map((tab) => {
        const current = query.status === tab.status;
        return (
          <Link
            key={tab.status}
            href={`/users${listQueryString({ ...listView(query), status: tab.status })}`}
            aria-current={current ? "page" : undefined}
            className="status-tab"
          >
            {tab.label}
            <span>{formatCount(tab.count, counts.capped)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
