"use client";

import type { z } from "zod";
import { Button } from "@/components/button";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import type { FeatureKind } from "@/lib/features/kinds";
import type { RingGroupMemberChoice } from "@/lib/features/list-ring-group-member-choices";
import {
  type FeatureFormValues,
  featureEditSchemas,
  featureFormSchemas,
} from "@/lib/features/schemas";
import { createFeatureAction, updateFeatureAction } from "./actions";
import { FeatureFields } from "./feature-fields";

type Props = {
  instanceId: string;
  kind: FeatureKind;
  /** The feature being edited; none for a new one. */
  featureId?: string;
  defaults: FeatureFormValues;
  memberChoices: RingGroupMemberChoice[];
  /** The list's place ("?kind=devices"), kept after saving. */
  keep: string;
  readOnly?: boolean;
};

/** A feature's form for its kind: the kind's schema checks it here and on the server. */
export function FeatureForm({
  instanceId,
  kind,
  featureId,
  defaults,
  memberChoices,
  keep,
  readOnly = false,
}: Props) {
  const schema = (featureId ? featureEditSchemas : featureFormSchemas)[kind];
  const server = useServerForm<FeatureFormValues>({
    schema: schema as unknown as z.ZodType<unknown, FeatureFormValues>,
    action: featureId ? updateFeatureAction : createFeatureAction,
    defaultValues: defaults,
  });
  return (
    <form
      ref={server.formRef}
      action={server.formAction}
      onSubmit={server.onSubmit}
      noValidate
      className="space-y-5 p-4"
    >
      <input type="hidden" name="instanceId" value={instanceId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="keep" value={keep} />
      {featureId ? <input type="hidden" name="featureId" value={featureId} /> : null}
      <FormErrorSummary message={server.summary} />
      <fieldset disabled={readOnly} className="space-y-5">
        <FeatureFields
          kind={kind}
          editing={featureId !== undefined}
          server={server}
          memberChoices={memberChoices}
        />
      </fieldset>
      {readOnly ? null : (
        <Button type="submit" disabled={server.pending}>
          {server.pending ? "Saving…" : "Save"}
        </Button>
      )}
    </form>
  );
}
