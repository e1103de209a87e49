import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { featureKindLabels, featureKindPluralLabels, featureKindSlugs } from "@/lib/features/kinds";
import { FeatureDetailsText } from "./feature-details-cell";
import type { LoadedFeatureManager } from "./feature-manager";
import { KindTabs } from "./kind-tabs";
import { featureListQueryString, featuresPath } from "./list-query";

type Props = { loaded: LoadedFeatureManager; selectedId?: string; canCreate: boolean };

export function FeatureListPane({ loaded, selectedId, canCreate }: Props) {
  const { instance, page, query, keep } = loaded;
  const base = featuresPath(instance.id);
  const kindName = query.kind ? featureKindPluralLabels[query.kind].toLowerCase() : "features";
  return (
    <Pane
      title="Feature List"
      footer={
        query.after || page.nextCursor ? (
          <nav aria-label="Pages" className="flex justify-end gap-2">
            {query.after ? (
              <ButtonLink
                variant="secondary"
                size="sm"
                href={`${base}${featureListQueryString({ kind: query.kind })}`}
              >
                First page
              </ButtonLink>
            ) : null}
            {page.nextCursor ? (
              <ButtonLink
                variant="secondary"
                size="sm"
                href={`${base}${featureListQueryString({ kind: query.kind, after: page.nextCursor })}`}
              >
                Next page
              </ButtonLink>
            ) : null}
          </nav>
        ) : undefined
      }
    >
      <KindTabs instanceId={instance.id} query={query} />
      {page.rows.length === 0 ? (
        <EmptyState title={query.after ? "No more features" : `No ${kindName} yet`}>
          {query.after ? (
            <Link href={`${base}${featureListQueryString({ kind: query.kind })}`}>
              Back to the first page
            </Link>
          ) : canCreate ? (
            query.kind ? (
              <Link href={`${base}/new?kind=${featureKindSlugs[query.kind]}`}>
                Add the first {featureKindLabels[query.kind].toLowerCase()}
              </Link>
            ) : (
              "Use Add New to create phone numbers, devices, conference rooms, fax machines, ring groups and voicemail boxes."
            )
          ) : (
            "Ask an Administrator to add some."
          )}
        </EmptyState>
      ) : (
        <Table
          caption={`${query.kind ? featureKindPluralLabels[query.kind] : "Features"} of ${instance.name}, by name`}
          className="max-h-[65vh]"
        >
          <THead>
            <tr>
              <TH>Name</TH>
              <TH className="hidden sm:table-cell">Kind</TH>
              <TH>Details</TH>
              <TH className="whitespace-nowrap">Assigned to</TH>
            </tr>
          </THead>
          <tbody>
            {page.rows.map((feature) => (
              <TR key={feature.id} selected={feature.id === selectedId}>
                <TD>
                  <Link
                    href={`${base}/${feature.id}${keep}`}
                    className="font-medium text-neutral-900 hover:text-accent-700 hover:underline"
                  >
                    {feature.name}
                  </Link>
                </TD>
                <TD className="hidden whitespace-nowrap text-neutral-700 sm:table-cell">
                  {featureKindLabels[feature.kind]}
                </TD>
                <TD className="text-neutral-700">
                  <FeatureDetailsText feature={feature} />
                </TD>
                <TD className="text-neutral-700">
                  {feature.assignedTo ? (
                    <span title={feature.assignedTo.userName}>
                      {feature.assignedTo.displayName}
                    </span>
                  ) : (
                    <span className="rounded bg-neutral-100 px-1.5 py-0.5 text-xs text-neutral-700">
                      Spare
                    </span>
                  )}
                </TD>
              </TR>
            ))}
          </tbody>
        </Table>
      )}
    </Pane>
  );
}
