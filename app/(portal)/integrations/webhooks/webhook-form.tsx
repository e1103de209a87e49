"use client";

import { useMemo } from "react";
import { Button, ButtonLink } from "@/components/button";
import { Field, inputClasses, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import {
  type WebhookEndpointFormValues,
  webhookEndpointSchema,
  webhookUrlMaxLength,
} from "@/lib/webhooks/schemas";
import { createWebhookEndpointAction, updateWebhookEndpointAction } from "./actions";
import { CreatedEndpointSecret, createdEndpointOf } from "./created-endpoint";
import { EventTypePicker } from "./event-type-picker";

type Props = {
  endpointId?: string;
  defaults: { url: string; description: string; eventTypes: string[] };
  cancelHref: string;
  /** WEBHOOK_ALLOW_PRIVATE_URLS: http and local addresses are allowed (development). */
  allowHttp: boolean;
};

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : [];

/** Add and Edit endpoint: URL, description, event types. Works without scripts. */
export function WebhookForm({ endpointId, defaults, cancelHref, allowHttp }: Props) {
  const schema = useMemo(() => webhookEndpointSchema({ allowHttp }), [allowHttp]);
  const {
    form,
    formRef,
    formAction,
    onSubmit,
    pending,
    state,
    errorFor,
    summary,
    field,
    initialValues,
  } = useServerForm<WebhookEndpointFormValues>({
    schema,
    action: endpointId ? updateWebhookEndpointAction : createWebhookEndpointAction,
    defaultValues: defaults,
  });
  const created = createdEndpointOf(state);
  const current = asList(form.watch("eventTypes"));
  if (created) return <CreatedEndpointSecret created={created} />;
  const { error: _error, ...description } = field("description");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5 p-4"
    >
      {endpointId ? <input type="hidden" name="id" value={endpointId} /> : null}
      <FormErrorSummary message={summary} />
      <TextInput
        label="URL"
        type="url"
        {...field("url")}
        required
        maxLength={webhookUrlMaxLength}
        autoComplete="off"
        spellCheck={false}
        placeholder="https://crm.example.com/webhooks/switchboard"
        help={
          allowHttp
            ? "Where events are POSTed. Development setting on: http and local addresses are allowed."
            : "Where events are POSTed: an https address on the public internet."
        }
      />
      <Field
        label="Description"
        name="description"
        error={errorFor("description")}
        help="What receives these events, for your colleagues: up to 500 characters."
      >
        {(control) => <textarea rows={2} className={inputClasses} {...description} {...control} />}
      </Field>
      <EventTypePicker
        selected={initialValues("eventTypes")}
        current={current}
        register={form.register("eventTypes")}
        error={errorFor("eventTypes")}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
