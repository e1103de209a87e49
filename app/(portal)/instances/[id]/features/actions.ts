"use server";

import { notFound, redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flash, formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-user";
import { ConflictError } from "@/lib/errors";
import { createFeature } from "@/lib/features/create-feature";
import { deleteFeature } from "@/lib/features/delete-feature";
import { featureFieldConflicts } from "@/lib/features/feature-field-conflicts";
import { featureKindLabels, isFeatureKind } from "@/lib/features/kinds";
import { featureEditSchemas, featureFormSchemas } from "@/lib/features/schemas";
import { updateFeature } from "@/lib/features/update-feature";
import { pageData } from "@/lib/page-guard";
import { featureListQueryString, featuresPath, parseFeatureListQuery } from "./list-query";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

function kindOf(formData: FormData) {
  const kind = text(formData, "kind");
  if (!isFeatureKind(kind)) notFound();
  return kind;
}

/** The list's place the form came from, rebuilt from its parts so it can only be a query. */
function keptQuery(formData: FormData): string {
  const params = Object.fromEntries(new URLSearchParams(text(formData, "keep")));
  return featureListQueryString(parseFeatureListQuery(params));
}

export async function createFeatureAction(_state: ActionState | undefined, formData: FormData) {
  const kind = kindOf(formData);
  const instanceId = text(formData, "instanceId");
  return formAction(
    featureFormSchemas[kind],
    formData,
    async (input, actor) => {
      const feature = await createFeature({ actor, instanceId, kind, input });
      await flash(`${featureKindLabels[kind]} ${feature.name} saved`);
      redirect(`${featuresPath(feature.instanceId)}/${feature.id}${keptQuery(formData)}`);
    },
    (values, _errors, actor) => featureFieldConflicts({ actor, instanceId, kind, values }),
  );
}

export async function updateFeatureAction(_state: ActionState | undefined, formData: FormData) {
  const kind = kindOf(formData);
  const instanceId = text(formData, "instanceId");
  const featureId = text(formData, "featureId");
  return formAction(
    featureEditSchemas[kind],
    formData,
    async (input, actor) => {
      const feature = await updateFeature({ actor, instanceId, featureId, kind, input });
      await flash(`${featureKindLabels[kind]} ${feature.name} saved`);
      redirect(`${featuresPath(feature.instanceId)}/${feature.id}${keptQuery(formData)}`);
    },
    (values, _errors, actor) =>
      featureFieldConflicts({ actor, instanceId, kind, featureId, values }),
  );
}

/** The confirmation's form: the uses it showed come back, one per line. */
export async function deleteFeatureAction(formData: FormData) {
  const actor = await requireActor();
  const instanceId = text(formData, "instanceId");
  const featureId = text(formData, "featureId");
  const confirmedUsage = text(formData, "confirmedUsage").split("\n").filter(Boolean);
  let refusal: string | undefined;
  let deletedName = "";
  try {
    const feature = await pageData(() =>
      deleteFeature({ actor, instanceId, featureId, confirmedUsage }),
    );
    deletedName = `${featureKindLabels[feature.kind]} ${feature.name}`;
  } catch (error) {
    // In use in a way the confirmation did not show: ask again, showing it now.
    if (!(error instanceof ConflictError)) throw error;
    refusal = error.message;
  }
  if (refusal) {
    await flash(refusal);
    redirect(`${featuresPath(instanceId)}/${featureId}/delete${keptQuery(formData)}`);
  }
  await flash(`${deletedName} deleted successfully`);
  redirect(`${featuresPath(instanceId)}${keptQuery(formData)}`);
}
