"use client";

import Link from "next/link";
import { Button } from "@/components/button";
import { TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { forgotPasswordSchema } from "@/lib/password-tokens/schemas";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm({ login }: { login: string }) {
  const { formRef, formAction, onSubmit, pending, summary, field } = useServerForm({
    schema: forgotPasswordSchema,
    action: forgotPasswordAction,
    defaultValues: { login },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormErrorSummary message={summary} />
      <TextInput
        label="User name or email"
        {...field("login")}
        required
        autoFocus
        autoComplete="username"
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a link"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/sign-in" className="text-accent-700 underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
