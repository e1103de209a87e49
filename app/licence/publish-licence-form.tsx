"use client";

import { Button } from "@/components/button";
import { Field, inputClasses, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { publishLicenceSchema } from "@/lib/licence/schemas";
import { publishLicenceAction } from "./actions";

export function PublishLicenceForm({ currentBody }: { currentBody: string }) {
  const { formRef, formAction, onSubmit, pending, errorFor, summary, field } = useServerForm({
    schema: publishLicenceSchema,
    action: publishLicenceAction,
    defaultValues: { body: currentBody, summary: "" },
  });
  const { error: _error, ...bodyProps } = field("body");
  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading" className="text-base font-semibold">
        Publish a new version
      </h2>
      <p className="mt-1 text-sm text-neutral-600">
        Everyone, Administrators included, must accept the new version at their next request.
      </p>
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="mt-4 space-y-4"
      >
        <FormErrorSummary message={summary} />
        <TextInput label="Summary of changes" {...field("summary")} required />
        <Field label="Licence text" name="body" error={errorFor("body")} required>
          {(control) => <textarea {...bodyProps} {...control} rows={12} className={inputClasses} />}
        </Field>
        <Button type="submit" disabled={pending}>
          Publish version
        </Button>
      </form>
    </section>
  );
}
