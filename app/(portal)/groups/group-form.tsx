"use client";

import { Button } from "@/components/button";
import { Field, inputClasses, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { ModulePermissions } from "@/components/module-permissions";
import type { PermissionKey } from "@/lib/auth/modules";
import { groupFormSchema } from "@/lib/groups/schemas";
import { createGroupAction, updateGroupAction } from "./actions";

type Props = {
  groupId?: string;
  defaults: { name: string; description: string; permissions: PermissionKey[] };
  locked: PermissionKey[];
  readOnly?: boolean;
};

export function GroupForm({ groupId, defaults, locked, readOnly = false }: Props) {
  const { form, formRef, formAction, onSubmit, pending, errorFor, summary, field } = useServerForm({
    schema: groupFormSchema,
    action: groupId ? updateGroupAction : createGroupAction,
    defaultValues: defaults,
  });
  const { error: _error, ...description } = field("description");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5 p-4"
    >
      {groupId ? <input type="hidden" name="id" value={groupId} /> : null}
      <FormErrorSummary message={summary} />
      <fieldset disabled={readOnly} className="space-y-5">
        <TextInput label="Name" {...field("name")} required />
        <Field label="Description" name="description" error={errorFor("description")}>
          {(control) => (
            <textarea rows={2} className={inputClasses} {...description} {...control} />
          )}
        </Field>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-neutral-800">Module permissions</legend>
          <p className="mb-2 text-xs text-neutral-600">
            Members of this group may do the ticked actions. Administrators can always do
            everything.
          </p>
          <ModulePermissions
            selected={defaults.permissions}
            locked={new Set(locked)}
            register={form.register("permissions")}
          />
          {errorFor("permissions") ? (
            <p className="mt-1 text-xs font-medium text-red-700">{errorFor("permissions")}</p>
          ) : null}
        </fieldset>
      </fieldset>
      {readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      )}
    </form>
  );
}
