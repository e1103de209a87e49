"use client";

import { type FormEvent, useActionState, useState } from "react";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { setOrganizationLogoAction } from "./actions";

const maxLogoKilobytes = 256;

/** The logo upload: a multipart post that works without scripts; the server checks the bytes. */
export function LogoForm() {
  const [state, formAction, pending] = useActionState(setOrganizationLogoAction, undefined);
  // A file too large is refused here when scripts run, before it is sent at all.
  const [tooLarge, setTooLarge] = useState<string>();
  const serverError = state && !state.ok ? (state.fieldErrors.logo ?? state.message) : undefined;
  const error = tooLarge ?? serverError;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("logo");
    if (file instanceof File && file.size > maxLogoKilobytes * 1024) {
      event.preventDefault();
      setTooLarge(
        `The logo is ${Math.ceil(file.size / 1024)} KB: it may be at most ${maxLogoKilobytes} KB.`,
      );
    } else {
      setTooLarge(undefined);
    }
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3">
      {state && !state.ok && !state.fieldErrors.logo ? (
        <FormErrorSummary message={state.message} />
      ) : null}
      <Field
        label="Logo file"
        name="logo"
        error={error}
        help={`PNG, JPEG, GIF or WebP, at most ${maxLogoKilobytes} KB.`}
      >
        {(control) => (
          <input
            type="file"
            name="logo"
            accept="image/png,image/jpeg,image/gif,image/webp"
            required
            onChange={() => setTooLarge(undefined)}
            className="block w-full text-sm text-neutral-800 file:mr-3 file:rounded-md file:border file:border-neutral-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-neutral-800 hover:file:bg-neutral-50"
            {...control}
          />
        )}
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Uploading…" : "Upload logo"}
        </Button>
      </div>
    </form>
  );
}
