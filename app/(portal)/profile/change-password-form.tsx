"use client";

import { Button } from "@/components/button";
import { TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { changePasswordSchema } from "@/lib/users/schemas";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const { formRef, formAction, onSubmit, pending, summary, field } = useServerForm({
    schema: changePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 p-4 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <FormErrorSummary message={summary} />
      </div>
      <TextInput
        label="Current password"
        type="password"
        autoComplete="current-password"
        {...field("currentPassword")}
        required
        className="sm:col-span-2"
      />
      <TextInput
        label="New password"
        type="password"
        autoComplete="new-password"
        {...field("newPassword")}
        required
        help="At least 12 characters."
      />
      <TextInput
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        {...field("confirmPassword")}
        required
      />
      <p className="text-sm text-neutral-600 sm:col-span-2">
        Changing your password signs you out everywhere.
      </p>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
