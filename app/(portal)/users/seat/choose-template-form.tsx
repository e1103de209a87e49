"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { FormErrorSummary } from "@/components/form-errors";
import { chooseSeatTemplateAction } from "./actions";

type Choice = { id: string; name: string; description: string; version: number };

/** Step 1: which template; the radio list works the same with scripts off. */
export function ChooseTemplateForm({
  draftId,
  templates,
  chosen,
}: {
  draftId: string;
  templates: Choice[];
  chosen?: string;
}) {
  const [state, action, pending] = useActionState(chooseSeatTemplateAction, undefined);
  const error = state && !state.ok ? state.fieldErrors.templateId : undefined;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="draftId" value={draftId} />
      <FormErrorSummary message={state && !state.ok ? state.message : undefined} />
      <fieldset aria-describedby={error ? "templateId-error" : undefined}>
        <legend className="text-sm font-medium text-neutral-900">Template</legend>
        <div className="mt-2 space-y-2">
          {templates.map((template) => (
            <label
              key={template.id}
              className="flex cursor-pointer gap-3 rounded-md border border-neutral-200 p-3 hover:bg-neutral-50 has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50"
            >
              <input
                type="radio"
                name="templateId"
                value={template.id}
                defaultChecked={template.id === chosen}
                className="mt-1"
              />
              <span>
                <span className="block text-sm font-medium text-neutral-900">
                  {template.name}{" "}
                  <span className="font-normal text-neutral-600">version {template.version}</span>
                </span>
                {template.description ? (
                  <span className="block text-sm text-neutral-700">{template.description}</span>
                ) : null}
              </span>
            </label>
          ))}
        </div>
        {error ? (
          <p id="templateId-error" className="mt-1 text-xs font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          Next
        </Button>
      </div>
    </form>
  );
}
