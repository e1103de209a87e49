"use client";

import { useMemo } from "react";
import type { z } from "zod";
import { Button, ButtonLink } from "@/components/button";
import { Select, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import type { AttributeDefinition } from "@/db/schema/templates";
import type { ActionState } from "@/lib/actions/action-state";
import { attributesSchema } from "@/lib/templates/attributes-schema";
import { setSeatAttributesAction } from "./actions";

const inputTypes: Record<
  AttributeDefinition["type"],
  { type: string; inputMode?: "numeric" | "decimal" }
> = {
  text: { type: "text" },
  number: { type: "text", inputMode: "decimal" },
  choice: { type: "text" },
  phone_number: { type: "tel" },
  extension: { type: "text", inputMode: "numeric" },
  email: { type: "email" },
};

/**
 * Step 2: the Setup Attributes form, generated from the template's definitions and checked
 * with the same zod schema here (when scripts run) and on the server.
 */
export function AttributesForm({
  draftId,
  definitions,
  defaults,
  backHref,
  initialState,
}: {
  /** The refused values and their errors, when the page shows a refused Next again. */
  initialState?: ActionState;
  draftId: string;
  definitions: AttributeDefinition[];
  defaults: Record<string, string>;
  backHref: string;
}) {
  // Built from definitions, its input type is unknown to TypeScript: every field is a string.
  const schema = useMemo(
    () => attributesSchema(definitions) as unknown as z.ZodType<unknown, Record<string, string>>,
    [definitions],
  );
  const { formRef, formAction, onSubmit, pending, summary, field } = useServerForm<
    Record<string, string>
  >({
    schema,
    action: setSeatAttributesAction,
    defaultValues: defaults,
    initialState,
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="draftId" value={draftId} />
      <FormErrorSummary message={summary} />
      {definitions.length === 0 ? (
        <p className="text-sm text-neutral-700">
          This template asks nothing: go on to the preview.
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {definitions.map((definition) =>
          definition.type === "choice" ? (
            <Select
              key={definition.key}
              label={definition.label}
              required={definition.required}
              help={definition.helpText || undefined}
              {...field(definition.key)}
              options={[
                ...(definition.required ? [] : [{ value: "", label: "(none)" }]),
                ...definition.options.map((option) => ({ value: option, label: option })),
              ]}
            />
          ) : (
            <TextInput
              key={definition.key}
              label={definition.label}
              required={definition.required}
              help={definition.helpText || undefined}
              autoComplete="off"
              {...inputTypes[definition.type]}
              {...field(definition.key)}
            />
          ),
        )}
      </div>
      <div className="flex justify-between gap-2">
        <ButtonLink href={backHref} variant="secondary">
          Back
        </ButtonLink>
        <Button type="submit" disabled={pending}>
          Next
        </Button>
      </div>
    </form>
  );
}
