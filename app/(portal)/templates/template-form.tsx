"use client";

import { useEffect, useState } from "react";
import { set } from "react-hook-form";
import { Button } from "@/components/button";
import { Field, inputClasses, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { templateFormSchema } from "@/lib/templates/template-form-schema";
import {
  flattenFormValues,
  formRowCount,
  moreRowsStep,
  type TemplateFormFields,
  type TemplateFormSection,
} from "@/lib/templates/template-form-values";
import { createTemplateAction, updateTemplateAction } from "./actions";
import { AttributeRows } from "./attribute-rows";
import { CallFlowRows } from "./call-flow-rows";
import { FeatureRows } from "./feature-rows";
import { rowKit, type TemplateFormValues } from "./row-kit";

type Props = {
  /** Present when editing: the template and the version the editor starts from. */
  templateId?: string;
  version?: number;
  fields: TemplateFormFields;
};

/** react-hook-form holds nested values; the rendered inputs are named by path. */
function nested(fields: TemplateFormFields): TemplateFormValues {
  const values: TemplateFormValues = {};
  for (const [name, value] of Object.entries(fields)) {
    set(values, name, name.endsWith(".required") ? value === "on" || value === "true" : value);
  }
  return values;
}

function rowCounts(values: TemplateFormFields): Record<TemplateFormSection, number> {
  return {
    attributes: formRowCount(values, "attributes"),
    features: formRowCount(values, "features"),
    callFlow: formRowCount(values, "callFlow"),
  };
}

export function TemplateForm({ templateId, version, fields }: Props) {
  const { form, formRef, formAction, onSubmit, pending, errorFor, summary, state } = useServerForm({
    schema: templateFormSchema,
    action: templateId ? updateTemplateAction : createTemplateAction,
    defaultValues: nested(fields),
  });
  // A refused save (or More rows without scripts) renders what was posted.
  const values = state && !state.ok ? flattenFormValues(state.values) : fields;
  const kit = rowKit(form, values, errorFor);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [rows, setRows] = useState(() => rowCounts(values));
  // A refused save echoes every rendered row (blank ones too), so the counts never shrink;
  // they grow when the echo has filled the blank rows.
  const [counted, setCounted] = useState(state);
  if (counted !== state) {
    setCounted(state);
    const echoed = rowCounts(values);
    setRows((current) => ({
      attributes: Math.max(current.attributes, echoed.attributes),
      features: Math.max(current.features, echoed.features),
      callFlow: Math.max(current.callFlow, echoed.callFlow),
    }));
  }
  const more = (section: TemplateFormSection) =>
    hydrated
      ? () => setRows((current) => ({ ...current, [section]: current[section] + moreRowsStep }))
      : undefined;
  const { error: _error, ...description } = kit.text("description");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5 p-4"
    >
      {/* Enter in a field submits with the form's first submit button: this Save, not More rows. */}
      <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
        Save
      </button>
      {templateId ? <input type="hidden" name="id" value={templateId} /> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrorSummary message={summary} />
      <TextInput label="Name" {...kit.text("name")} required />
      <Field label="Description" name="description" error={kit.error("description")}>
        {(control) => <textarea rows={2} className={inputClasses} {...description} {...control} />}
      </Field>
      <AttributeRows kit={kit} count={rows.attributes} onMore={more("attributes")} />
      <FeatureRows kit={kit} count={rows.features} onMore={more("features")} />
      <CallFlowRows kit={kit} count={rows.callFlow} onMore={more("callFlow")} />
      <div className="flex items-center gap-3 border-t border-neutral-200 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {templateId ? (
          <p className="text-xs text-neutral-600">
            Saving a change makes version {(version ?? 0) + 1}; seats already made keep theirs.
          </p>
        ) : null}
      </div>
    </form>
  );
}
