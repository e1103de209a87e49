import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDialog } from "@/components/dialog";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { featureFormValues } from "@/lib/features/feature-columns";
import { getFeature } from "@/lib/features/get-feature";
import { listRingGroupMemberChoices } from "@/lib/features/list-ring-group-member-choices";
import { pageData } from "@/lib/page-guard";
import { deleteFeatureAction } from "../actions";
import { DeleteFeatureQuestion, deleteFeatureTitle } from "../delete-feature-question";
import { FeatureForm } from "../feature-form";
import { FeatureManager, loadFeatureManager } from "../feature-manager";
import { FeatureSummary } from "../feature-summary";
import { featuresPath, type SearchParams } from "../list-query";

export const metadata: Metadata = { title: "Feature details" };

export default async function FeaturePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; featureId: string }>;
  searchParams: SearchParams;
}) {
  const { id, featureId } = await params;
  const loaded = await loadFeatureManager(id, searchParams);
  const { actor, instance, keep } = loaded;
  const { feature, assignedTo, usage } = await pageData(() =>
    getFeature({ actor, instanceId: instance.id, featureId }),
  );
  const canEdit = can(actor, "features", "edit");
  const memberChoices =
    feature.kind === "ring_group"
      ? await pageData(() => listRingGroupMemberChoices({ actor, instanceId: instance.id }))
      : [];
  const base = featuresPath(instance.id);
  return (
    <FeatureManager
      loaded={loaded}
      selectedId={feature.id}
      detail={
        <Pane
          title={feature.name}
          actions={
            <>
              <Link href={`${base}${keep}`} className="text-sm text-accent-700 underline lg:hidden">
                Back to list
              </Link>
              {can(actor, "features", "delete") ? (
                <ConfirmDialog
                  triggerLabel="Delete"
                  triggerVariant="danger"
                  title={deleteFeatureTitle(feature)}
                  description={<DeleteFeatureQuestion feature={feature} usage={usage} />}
                  confirmLabel="Delete"
                  fallbackHref={`${base}/${feature.id}/delete${keep}`}
                  action={deleteFeatureAction}
                  hiddenFields={{
                    instanceId: instance.id,
                    featureId: feature.id,
                    confirmedUsage: usage.join("\n"),
                    keep,
                  }}
                />
              ) : null}
            </>
          }
        >
          <FeatureSummary
            feature={feature}
            assignedTo={assignedTo}
            linkUsers={can(actor, "users", "view")}
          />
          <FeatureForm
            key={`${feature.id}-${feature.updatedAt.getTime()}`}
            instanceId={instance.id}
            kind={feature.kind}
            featureId={feature.id}
            defaults={featureFormValues(feature)}
            memberChoices={memberChoices}
            keep={keep}
            readOnly={!canEdit}
          />
        </Pane>
      }
    />
  );
}
