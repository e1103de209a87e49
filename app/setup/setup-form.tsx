"use client";

import { Button } from "@/components/button";
import { TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { setupSchema } from "@/lib/accounts/schemas";
import { setupAction } from "./actions";

export function SetupForm() {
  const { formRef, formAction, onSubmit, pending, summary, field } = useServerForm({
    schema: setupSchema,
    action: setupAction,
    defaultValues: { organizationName: "", userName: "", email: "", password: "" },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormErrorSummary message={summary} />
      <TextInput
        label="Organization name"
        {...field("organizationName")}
        required
        autoComplete="organization"
      />
      <TextInput
        label="User name"
        {...field("userName")}
        required
        autoComplete="username"
        help="3 to 64 letters, digits, dots, underscores or hyphens."
      />
      <TextInput label="Email" type="email" {...field("email")} required autoComplete="email" />
      <TextInput
        label="Password"
        type="password"
        {...field("password")}
        required
        autoComplete="new-password"
        help="At least 12 characters. Avoid common passwords."
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
