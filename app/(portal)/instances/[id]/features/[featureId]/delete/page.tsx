import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { getFeature } from "@/lib/features/get-feature";
import { pageData, pageRequires } from "@/lib/page-guard";
import { deleteFeatureAction } from "../../actions";
import { DeleteFeatureQuestion, deleteFeatureTitle } from "../../delete-feature-question";
import { FeatureManager, loadFeatureManager } from "../../feature-manager";
import { featuresPath, type SearchParams } from "../../list-query";

export const metadata: Metadata = { title: "Delete feature" };

// The confirmation page used when scripts are off, or when a feature came into use after
// the dialog was shown (the delete then comes back here, listing the new use).
export default async function DeleteFeaturePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; featureId: string }>;
  searchParams: SearchParams;
}) {
  const { id, featureId } = await params;
  pageRequires(await requireActor(), "features", "delete");
  const loaded = await loadFeatureManager(id, searchParams);
  const { actor, instance, keep } = loaded;
  const { feature, usage } = await pageData(() =>
    getFeature({ actor, instanceId: instance.id, featureId }),
  );
  return (
    <FeatureManager
      loaded={loaded}
      selectedId={feature.id}
      detail={
        <Pane title={deleteFeatureTitle(feature)}>
          <form action={deleteFeatureAction} className="space-y-4 p-4">
            <input type="hidden" name="instanceId" value={instance.id} />
            <input type="hidden" name="featureId" value={feature.id} />
            <input type="hidden" name="confirmedUsage" value={usage.join("\n")} />
            <input type="hidden" name="keep" value={keep} />
            <div className="text-sm text-neutral-700">
              <DeleteFeatureQuestion feature={feature} usage={usage} />
            </div>
            {/* Cancel, then the destructive action on the right: as in the dialog. */}
            <div className="flex justify-end gap-2">
              <ButtonLink
                href={`${featuresPath(instance.id)}/${feature.id}${keep}`}
                variant="secondary"
              >
                Cancel
              </ButtonLink>
              <Button type="submit" variant="danger">
                Delete
              </Button>
            </div>
          </form>
        </Pane>
      }
    />
  );
}
