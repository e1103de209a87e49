"use client";

import { Button, ButtonLink } from "@/components/button";
import { Field, inputClasses, Select, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { userEmailSchema } from "@/lib/users/schemas";
import { sendUserEmailAction } from "./actions";

type Props = {
  userId: string;
  returnTo: string;
  /** The recipient as the To line shows them. */
  to: string;
  /** The sender's Available From Email addresses, the default first. */
  fromEmails: string[];
  /** Without addresses of their own: the portal's sender and the address replies go to. */
  fallbackFrom: string;
  replyTo: string;
};

export function UserEmailForm({ userId, returnTo, to, fromEmails, fallbackFrom, replyTo }: Props) {
  const { formRef, formAction, onSubmit, pending, summary, field, errorFor } = useServerForm({
    schema: userEmailSchema,
    action: sendUserEmailAction,
    defaultValues: { from: fromEmails[0] ?? "", subject: "", body: "" },
  });
  const { error: _bodyError, ...body } = field("body");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 p-4"
    >
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormErrorSummary message={summary} />
      <p className="text-sm text-neutral-700">
        <span className="font-medium text-neutral-800">To:</span> {to}
      </p>
      {fromEmails.length > 0 ? (
        <Select
          label="From"
          {...field("from")}
          options={fromEmails.map((address) => ({ value: address, label: address }))}
          help="Your Available From Email addresses; the first is your default."
        />
      ) : (
        <p className="text-sm text-neutral-700">
          <span className="font-medium text-neutral-800">From:</span> {fallbackFrom}, with replies
          to {replyTo}. Add Available From Email addresses to your profile to send from your own.
        </p>
      )}
      <TextInput
        label="Subject"
        {...field("subject")}
        required
        maxLength={200}
        autoComplete="off"
      />
      <Field
        label="Message"
        name="body"
        error={errorFor("body")}
        required
        help="Plain text; blank lines separate paragraphs."
      >
        {(control) => <textarea rows={10} className={inputClasses} {...body} {...control} />}
      </Field>
      <div className="flex justify-end gap-2">
        <ButtonLink href={`/users/${userId}${returnTo}`} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send"}
        </Button>
      </div>
    </form>
  );
}
