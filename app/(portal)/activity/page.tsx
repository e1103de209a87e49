import type { Metadata } from "next";
import Link from "next/link";
import { Button, ButtonLink } from "@/components/button";
import { ColorDot } from "@/components/color-dot";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { Select, TextInput } from "@/components/field";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { activityKinds } from "@/db/schema/activity";
import { listActivity } from "@/lib/activity/list-activity";
import { activityQuerySchema } from "@/lib/activity/schemas";
import { requireActor } from "@/lib/auth/current-user";
import { pageData } from "@/lib/page-guard";
import { activityKindLabels, describeDetails } from "./activity-labels";

export const metadata: Metadata = { title: "Account Activity" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const timeFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export default async function ActivityPage({ searchParams }: Props) {
  const actor = await requireActor();
  const query = activityQuerySchema.parse(await searchParams);
  const { rows, viewAll, nextBefore } = await pageData(() => listActivity({ actor, query }));
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
        <form
          method="get"
          action="/activity"
          className="grid items-end gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6"
        >
          <TextInput label="Actor" name="actor" defaultValue={query.actor} help="User name" />
          <TextInput
            label="Target user"
            name="target"
            defaultValue={query.target}
            help="User name"
          />
          <Select
            label="Kind"
            name="kind"
            defaultValue={query.kind ?? ""}
            options={[
              { value: "", label: "Any" },
              ...activityKinds.map((kind) => ({ value: kind, label: activityKindLabels[kind] })),
            ]}
          />
          <TextInput label="From" name="from" type="date" defaultValue={query.from} />
          <TextInput
            label="To"
            name="to"
            type="date"
            defaultValue={query.to}
            error={
              query.from && query.to && query.to < query.from
                ? "The To date is before the From date."
                : undefined
            }
          />
          <div className="flex gap-2 pb-5">
            <Button type="submit" variant="secondary">
              Apply
            </Button>
            {filtered ? (
              <ButtonLink href="/activity" variant="ghost">
                Clear
              </ButtonLink>
            ) : null}
          </div>
        </form>
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
          <Table caption="Account activity" className="max-h-[70vh]">
            <THead>
              <tr>
                <TH>Time (UTC)</TH>
                <TH>Actor</TH>
                <TH>Event</TH>
                <TH>Target</TH>
                <TH>Details</TH>
                <TH>Address</TH>
              </tr>
            </THead>
            <tbody>
              {rows.map((row) => (
                <TR key={row.id}>
                  <TD className="whitespace-nowrap">{timeFormat.format(row.createdAt)}</TD>
                  <TD>
                    {row.actorLabel ? (
                      <span className="flex items-center gap-2">
                        <ColorDot color={row.actorColor ?? undefined} />
                        {row.actorLabel}
                      </span>
                    ) : (
                      <span className="text-neutral-600">—</span>
                    )}
                  </TD>
                  <TD className="whitespace-nowrap">{activityKindLabels[row.kind] ?? row.kind}</TD>
                  <TD>
                    {row.targetLabel ? (
                      <span className="flex items-center gap-2">
                        <ColorDot color={row.targetColor ?? undefined} />
                        {row.targetLabel}
                      </span>
                    ) : null}
                  </TD>
                  <TD className="max-w-md">
                    <ul className="space-y-0.5 text-xs text-neutral-700">
                      {describeDetails(row.details).map((line) => (
                        <li key={line} className="break-words">
                          {line}
                        </li>
                      ))}
                    </ul>
                  </TD>
                  <TD className="whitespace-nowrap text-neutral-700">{row.clientAddress}</TD>
                </TR>
              ))}
            </tbody>
          </Table>
        )}
      </Pane>
    </div>
  );
}
