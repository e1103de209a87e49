"use client";

import { Button, ButtonLink } from "@/components/button";
import { Select, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import {
  type ManualPaymentFormValues,
  manualPaymentKindLabels,
  manualPaymentKinds,
  manualPaymentSchema,
} from "@/lib/payments/schemas";
import { recordManualPaymentAction } from "../actions";

export type InvoiceChoice = { id: string; label: string };

/** A cheque or transfer received: against an open invoice, or kept as account credit. */
export function ManualPaymentForm({
  defaults,
  invoices,
  cancelHref,
}: {
  defaults: ManualPaymentFormValues;
  invoices: InvoiceChoice[];
  cancelHref: string;
}) {
  const { form, formRef, formAction, onSubmit, pending, summary, field, initialValues } =
    useServerForm({
      schema: manualPaymentSchema,
      action: recordManualPaymentAction,
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
      {/* In the HTML itself, so a post without scripts carries the key too. */}
      <input
        type="hidden"
        {...form.register("idempotencyKey")}
        defaultValue={initialValues("idempotencyKey")[0] ?? ""}
      />
      <div className="sm:col-span-2">
        <FormErrorSummary message={summary} />
      </div>
      <Select
        label="Apply to"
        {...field("invoiceId")}
        options={[
          ...invoices.map((invoice) => ({ value: invoice.id, label: invoice.label })),
          { value: "", label: "Account credit (no invoice)" },
        ]}
        help="Credit is kept on the account and can be applied to a later invoice."
        className="sm:col-span-2"
      />
      <Select
        label="Method"
        {...field("kind")}
        options={manualPaymentKinds.map((kind) => ({
          value: kind,
          label: manualPaymentKindLabels[kind],
        }))}
      />
      <TextInput
        label="Reference"
        {...field("reference")}
        required
        maxLength={100}
        help="The cheque number or the transfer's reference."
      />
      <TextInput
        label="Amount (USD)"
        inputMode="decimal"
        {...field("amount")}
        required
        help="Dollars and cents, such as 120.50."
      />
      <TextInput label="Received on" type="date" {...field("receivedOn")} required />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record payment"}
        </Button>
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
