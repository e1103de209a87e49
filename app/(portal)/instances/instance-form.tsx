"use client";

import { Button, ButtonLink } from "@/components/button";
import { Field, inputClasses, Select, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { regionLabels, regions } from "@/lib/instances/regions";
import { type InstanceFormValues, instanceFormSchema } from "@/lib/instances/schemas";
import { createInstanceAction, updateInstanceAction } from "./actions";

const regionOptions = [
  { value: "", label: "Choose a region" },
  ...regions.map((region) => ({ value: region, label: regionLabels[region] })),
];

type Props = {
  instanceId?: string;
  defaults: Partial<InstanceFormValues>;
  cancelHref: string;
};

/** New and Edit instance: name, region, notes. Works without scripts. */
export function InstanceForm({ instanceId, defaults, cancelHref }: Props) {
  const { formRef, formAction, onSubmit, pending, errorFor, summary, field } = useServerForm({
    schema: instanceFormSchema,
    action: instanceId ? updateInstanceAction : createInstanceAction,
    defaultValues: defaults,
  });
  const { error: _error, ...notes } = field("notes");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5 p-4"
    >
      {instanceId ? <input type="hidden" name="id" value={instanceId} /> : null}
      <FormErrorSummary message={summary} />
      <TextInput
        label="Name"
        {...field("name")}
        required
        maxLength={80}
        autoComplete="off"
        help="Unique in your organization, up to 80 characters."
      />
      <Select
        label="Region"
        {...field("region")}
        required
        options={regionOptions}
        help="The data centre the phone system runs in."
      />
      <Field
        label="Notes"
        name="notes"
        error={errorFor("notes")}
        help="Anything your colleagues should know: up to 2,000 characters."
      >
        {(control) => <textarea rows={4} className={inputClasses} {...notes} {...control} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
