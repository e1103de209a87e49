import type { ReactNode } from "react";
import { MasterDetail } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listFeatures } from "@/lib/features/list-features";
import { pageData, pageRequires } from "@/lib/page-guard";
import { AddFeatureMenu } from "./add-feature-menu";
import { FeaturesBreadcrumb } from "./breadcrumb";
import { FeatureListPane } from "./feature-list-pane";
import { featureListQueryString, parseFeatureListQuery, type SearchParams } from "./list-query";

/** What every features page shares: the actor, the instance and the list's page. */
export async function loadFeatureManager(instanceId: string, searchParams: SearchParams) {
  const actor = await requireActor();
  // Checked before anything loads, so the "Not allowed" page can name Features: View.
  pageRequires(actor, "features", "view");
  const query = parseFeatureListQuery(await searchParams);
  const page = await pageData(() =>
    listFeatures({ actor, instanceId, kind: query.kind, cursor: query.after }),
  );
  return { actor, query, page, instance: page.instance, keep: featureListQueryString(query) };
}

export type LoadedFeatureManager = Awaited<ReturnType<typeof loadFeatureManager>>;

/** The instance's feature list beside the route's detail pane. */
export function FeatureManager({
  loaded,
  selectedId,
  detail,
}: {
  loaded: LoadedFeatureManager;
  selectedId?: string;
  detail: ReactNode;
}) {
  const { actor, instance } = loaded;
  return (
    <>
      {/* Add New sits outside the list's pane, whose rounded corners would clip its menu. */}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <FeaturesBreadcrumb instance={instance} />
        {can(actor, "features", "create") ? <AddFeatureMenu instanceId={instance.id} /> : null}
      </div>
      <h1 className="sr-only">Features of {instance.name}</h1>
      <MasterDetail
        showDetailOnNarrow={selectedId !== undefined}
        list={
          <FeatureListPane
            loaded={loaded}
            selectedId={selectedId}
            canCreate={can(actor, "features", "create")}
          />
        }
        detail={detail}
      />
    </>
  );
}
