import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { EmptyState } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { listActivity } from "@/lib/activity/list-activity";
import { activityQuerySchema } from "@/lib/activity/schemas";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { ActivityFilters } from "./activity-filters";
import { ActivityTable } from "./activity-table";
import { PersonFilterNotes } from "./person-filter-notes";

export const metadata: Metadata = { title: "Account Activity" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPage({ searchParams }: Props) {
  const actor = await requireActor();
  const query = activityQuerySchema.parse(await searchParams);
  const { rows, viewAll, people, nextBefore } = await pageData(() =>
    listActivity({ actor, query }),
  );
  const canViewUsers = can(actor, "users", "view");
  const filters = new URLSearchParams(
    Object.entries({
      actor: query.actor,
      target: query.target,
      kind: query.kind ?? "",
      from: query.from ?? "",
      to: query.to ?? "",
    }).filter(([, v]) => v),
  );
  const filtered = filters.size > 0;
  // The same filters with one person's exact user name: what choosing them in the list does.
  const narrowTo = (role: "actor" | "target", userName: string) => {
    const narrowed = new URLSearchParams(filters);
    narrowed.set(role, userName);
    return `/activity?${narrowed}`;
  };
  return (
    <div className="space-y-4">
      <PageHeader
        title="Account Activity"
        description={
          viewAll
            ? "Every change in your organization, newest first."
            : "What you did and what was done to your user, newest first."
        }
      />
      <Pane title="Filter">
        <ActivityFilters query={query} canViewUsers={canViewUsers} filtered={filtered} />
        <PersonFilterNotes people={people} narrowTo={narrowTo} />
      </Pane>
      <Pane
        title="Events"
        footer={
          nextBefore || query.before ? (
            <nav aria-label="Pages" className="flex justify-end gap-2">
              {query.before ? (
                <ButtonLink href={`/activity?${filters}`} variant="secondary" size="sm">
                  Newest
                </ButtonLink>
              ) : null}
              {nextBefore ? (
                <ButtonLink
                  href={`/activity?${new URLSearchParams([...filters, ["before", String(nextBefore)]])}`}
                  variant="secondary"
                  size="sm"
                >
                  Older
                </ButtonLink>
              ) : null}
            </nav>
          ) : undefined
        }
      >
        {rows.length === 0 ? (
          <EmptyState title={filtered ? "No activity matches these filters" : "No activity yet"}>
            {filtered ? (
              <Link href="/activity">Clear the filters</Link>
            ) : (
              "Changes, sign-ins and licence acceptances appear here."
            )}
          </EmptyState>
        ) : (
          <ActivityTable rows={rows} canViewUsers={canViewUsers} />
        )}
      </Pane>
    </div>
  );
}
