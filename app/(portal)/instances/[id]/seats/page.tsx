import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getInstance } from "@/lib/instances/get-instance";
import { listSeats, type SeatListRow } from "@/lib/instances/list-instance-seats";
import { pageData } from "@/lib/page-guard";
import { listPosition, type SearchParams, withList } from "../../instance-manager";

export const metadata: Metadata = { title: "Seats" };

const linkClasses = "font-medium text-neutral-900 hover:text-accent-700 hover:underline";

function Template({ seat }: { seat: SeatListRow }) {
  if (!seat.templateName) return <span className="text-neutral-600">None</span>;
  return (
    <>
      {seat.templateName}
      {seat.templateVersion ? (
        <span className="text-neutral-600"> · version {seat.templateVersion}</span>
      ) : null}
      {seat.olderVersion ? (
        <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-600/40 ring-inset">
          older version
        </span>
      ) : null}
    </>
  );
}

/** An instance's seats: who sits there, their extension, template and features. */
export default async function InstanceSeatsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const actor = await requireActor();
  const after = await listPosition(searchParams);
  const [instance, page] = await pageData(() =>
    Promise.all([
      getInstance({ actor, instanceId: id }),
      listSeats({ actor, instanceId: id, after: after || undefined }),
    ]),
  );
  const path = `/instances/${instance.id}/seats`;
  const linkUsers = can(actor, "users", "view");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 py-1.5 text-sm">
        <ol className="flex flex-wrap items-center gap-1.5 text-neutral-600">
          <li>
            <Link href="/instances" className="hover:text-accent-700 hover:underline">
              Instances
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link
              href={`/instances/${instance.id}`}
              className="font-medium text-accent-700 hover:underline"
            >
              {instance.name}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="font-medium text-neutral-900">
            Seats
          </li>
        </ol>
      </nav>
      <h1 className="sr-only">Seats of {instance.name}</h1>
      <Pane
        title={`Seats (${instance.seatCount.toLocaleString("en-US")})`}
        footer={
          after || page.nextAfter ? (
            <nav aria-label="Pages" className="flex justify-end gap-2">
              {after ? (
                <ButtonLink variant="secondary" size="sm" href={path}>
                  First page
                </ButtonLink>
              ) : null}
              {page.nextAfter ? (
                <ButtonLink variant="secondary" size="sm" href={withList(path, page.nextAfter)}>
                  Next page
                </ButtonLink>
              ) : null}
            </nav>
          ) : undefined
        }
      >
        {page.rows.length === 0 ? (
          <EmptyState title={after ? "No more seats" : "No seats yet"}>
            A user gets a seat here when this instance is chosen on their user form, with features
            added or a template applied.
          </EmptyState>
        ) : (
          <Table caption={`Seats of ${instance.name}`} className="max-h-[75vh]">
            <THead>
              <tr>
                <TH>User</TH>
                <TH>Extension</TH>
                <TH>Template</TH>
                <TH className="text-right">Features</TH>
              </tr>
            </THead>
            <tbody>
              {page.rows.map((seat) => {
                const fullName = [seat.firstName, seat.lastName].filter(Boolean).join(" ");
                return (
                  <TR key={seat.id}>
                    <TD>
                      {linkUsers ? (
                        <Link href={`/users/${seat.userId}`} className={linkClasses}>
                          {seat.userName}
                        </Link>
                      ) : (
                        <span className="font-medium text-neutral-900">{seat.userName}</span>
                      )}
                      {fullName ? (
                        <span className="block text-xs text-neutral-600">{fullName}</span>
                      ) : null}
                    </TD>
                    <TD>{seat.extension ?? <span className="text-neutral-600">None</span>}</TD>
                    <TD>
                      <Template seat={seat} />
                    </TD>
                    <TD className="text-right">{seat.featureCount.toLocaleString("en-US")}</TD>
                  </TR>
                );
              })}
            </tbody>
          </Table>
        )}
      </Pane>
    </>
  );
}
