import type { Metadata } from "next";
import Link from "next/link";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { emptyFeatureForm } from "@/lib/features/empty-feature-form";
import {
  allFeatureKinds,
  featureKindFromSlug,
  featureKindLabels,
  featureKindSlugs,
} from "@/lib/features/kinds";
import { listRingGroupMemberChoices } from "@/lib/features/list-ring-group-member-choices";
import { pageData, pageRequires } from "@/lib/page-guard";
import { FeatureForm } from "../feature-form";
import { FeatureManager, loadFeatureManager } from "../feature-manager";
import { featuresPath, type SearchParams } from "../list-query";

export const metadata: Metadata = { title: "New feature" };

export default async function NewFeaturePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  pageRequires(await requireActor(), "features", "create");
  const loaded = await loadFeatureManager(id, searchParams);
  const { actor, instance, keep } = loaded;
  const slug = (await searchParams).kind;
  const kind = featureKindFromSlug(Array.isArray(slug) ? slug[0] : slug);
  const memberChoices =
    kind === "ring_group"
      ? await pageData(() => listRingGroupMemberChoices({ actor, instanceId: instance.id }))
      : [];
  const back = (
    <Link
      href={`${featuresPath(instance.id)}${keep}`}
      className="text-sm text-accent-700 underline lg:hidden"
    >
      Back to list
    </Link>
  );
  return (
    <FeatureManager
      loaded={loaded}
      selectedId=""
      detail={
        kind ? (
          <Pane title={`New ${featureKindLabels[kind]}`} actions={back}>
            <FeatureForm
              instanceId={instance.id}
              kind={kind}
              defaults={emptyFeatureForm(kind)}
              memberChoices={memberChoices}
              keep={keep}
            />
          </Pane>
        ) : (
          <Pane title="New Feature" actions={back}>
            <div className="p-4">
              <p className="mb-3 text-sm text-neutral-700">
                What would you like to add to {instance.name}?
              </p>
              <ul className="grid gap-2 sm:grid-cols-2">
                {allFeatureKinds.map((choice) => (
                  <li key={choice}>
                    <Link
                      href={`${featuresPath(instance.id)}/new?kind=${featureKindSlugs[choice]}`}
                      className="block rounded-md border border-neutral-200 px-3 py-2 text-sm font-medium text-neutral-800 hover:border-accent-600 hover:text-accent-700"
                    >
                      {featureKindLabels[choice]}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          </Pane>
        )
      }
    />
  );
}
