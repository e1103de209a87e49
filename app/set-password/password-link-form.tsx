"use client";

import Link from "next/link";
import { Button } from "@/components/button";
import { TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import type { ActionState } from "@/lib/actions/action-state";
import { setPasswordSchema } from "@/lib/password-tokens/schemas";

type Props = {
  token: string;
  action: (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  /** The user the link is for, so the browser's password manager files it under them. */
  userName: string;
  submitLabel: string;
  /** Said under the button (what the change does beyond the password). */
  note?: string;
};

/** New password twice, for a link from an email; works without scripts. */
export function PasswordLinkForm({ token, action, userName, submitLabel, note }: Props) {
  const { formRef, formAction, onSubmit, pending, summary, field } = useServerForm({
    schema: setPasswordSchema,
    action,
    defaultValues: { token, newPassword: "", confirmPassword: "" },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormErrorSummary message={summary}>
        {summary?.startsWith("This link") ? (
          <p className="mt-1">
            <Link href="/forgot-password" className="underline">
              Ask for a new link
            </Link>
          </p>
        ) : null}
      </FormErrorSummary>
      <input type="hidden" name="token" value={token} />
      <input type="text" name="username" value={userName} autoComplete="username" readOnly hidden />
      <TextInput
        label="New password"
        type="password"
        {...field("newPassword")}
        required
        autoFocus
        autoComplete="new-password"
        help="At least 12 characters; common passwords and your user name or email are refused."
      />
      <TextInput
        label="Confirm new password"
        type="password"
        {...field("confirmPassword")}
        required
        autoComplete="new-password"
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
      {note ? <p className="text-sm text-neutral-600">{note}</p> : null}
    </form>
  );
}
