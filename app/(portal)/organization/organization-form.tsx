"use client";

import { Button } from "@/components/button";
import { Field, inputClasses, Select, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { type OrganizationFormValues, organizationSchema } from "@/lib/organization/schemas";
import { phoneHint } from "@/lib/users/fields/phone";
import { updateOrganizationAction } from "./actions";

function withoutError<T extends { error?: string }>({ error: _error, ...props }: T) {
  return props;
}

export function OrganizationForm({
  defaults,
  timeZones,
}: {
  defaults: OrganizationFormValues;
  /** The server's list, so the options match the ones it accepts. */
  timeZones: readonly string[];
}) {
  const { form, formRef, formAction, onSubmit, pending, errorFor, summary, field } = useServerForm({
    schema: organizationSchema,
    action: updateOrganizationAction,
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
      <TextInput
        label="Name"
        {...field("name")}
        required
        maxLength={100}
        autoComplete="organization"
        help="Shown in the top bar, on invoices and in emails."
        className="sm:col-span-2"
      />
      <Field label="Address" name="address" error={errorFor("address")} className="sm:col-span-2">
        {(control) => (
          <textarea
            rows={3}
            className={inputClasses}
            autoComplete="street-address"
            {...withoutError(field("address"))}
            {...control}
          />
        )}
      </Field>
      <TextInput
        label="Contact email"
        type="email"
        {...field("contactEmail")}
        help="Where people can reach the organization."
      />
      <TextInput
        label="Billing email"
        type="email"
        {...field("billingEmail")}
        help="Invoices and payment notices go here."
      />
      <TextInput
        label="Phone"
        type="tel"
        autoComplete="tel"
        {...field("phone")}
        help={phoneHint(form.watch("phone") ?? "")}
      />
      <Select
        label="Time zone"
        {...field("timeZone")}
        options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
        help="Dates and billing periods are read in this zone."
      />
      <TextInput
        label="Tax rate (%)"
        inputMode="decimal"
        {...field("taxRate")}
        help="A percent with up to 2 decimals, such as 8.25. Added to invoices."
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
