"use client";

import type { z } from "zod";
import { Button } from "@/components/button";
import { Field, inputClasses, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { phoneHint } from "@/lib/users/fields/phone";
import { profileSchema } from "@/lib/users/schemas";
import { ClickToDialPreview } from "../users/click-to-dial-preview";
import { updateProfileAction } from "./actions";

type ProfileValues = z.input<typeof profileSchema>;

function withoutError<T extends { error?: string }>({ error: _error, ...props }: T) {
  return props;
}

export function ProfileForm({ defaults, userName }: { defaults: ProfileValues; userName: string }) {
  const { form, formRef, formAction, onSubmit, pending, errorFor, summary, field } = useServerForm({
    schema: profileSchema,
    action: updateProfileAction,
    defaultValues: defaults,
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
      <TextInput label="First Name" {...field("firstName")} />
      <TextInput label="Last Name" {...field("lastName")} />
      <TextInput label="Alias" {...field("alias")} />
      <TextInput label="Title" {...field("title")} />
      <TextInput label="Email" type="email" {...field("email")} required />
      <TextInput
        label="Current Password"
        type="password"
        {...field("currentPassword")}
        autoComplete="current-password"
        help="Needed only when you change your email."
      />
      <TextInput
        label="Available From Email"
        {...field("fromEmails")}
        help="Comma-separated; the first is the default."
      />
      <TextInput
        label="Phone"
        type="tel"
        {...field("phone")}
        help={phoneHint(form.watch("phone") ?? "")}
      />
      <TextInput
        label="Extension"
        inputMode="numeric"
        {...field("extension")}
        help="1 to 8 digits."
      />
      <Field label="Address" name="address" error={errorFor("address")} className="sm:col-span-2">
        {(control) => (
          <textarea
            rows={2}
            className={inputClasses}
            {...withoutError(field("address"))}
            {...control}
          />
        )}
      </Field>
      <Field label="Color" name="color" error={errorFor("color")}>
        {(control) => (
          <input
            type="color"
            className="h-10 w-20 cursor-pointer rounded-md border border-neutral-500/80 bg-white p-1"
            {...withoutError(field("color"))}
            {...control}
          />
        )}
      </Field>
      <div className="sm:col-span-2">
        <TextInput
          label="Click To Dial"
          {...field("clickToDial")}
          autoComplete="off"
          spellCheck={false}
          help="Placeholders such as [Field:PhoneNumber] and [Field:Ext]."
        />
        <ClickToDialPreview values={{ ...form.watch(), userName }} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
