"use client";

import { Button, ButtonLink } from "@/components/button";
import { TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { apiTokenNameMax, createApiTokenSchema } from "@/lib/api-tokens/schemas";
import type { PermissionKey } from "@/lib/auth/modules";
import { type CreateApiTokenState, createApiTokenAction } from "../actions";
import { NewTokenNotice } from "./new-token-notice";
import { ScopeCheckboxes } from "./scope-checkboxes";

type Props = {
  grantable: PermissionKey[];
  /** The date field's bounds (UTC days), computed by the server so both renders agree. */
  earliestExpiry: string;
  latestExpiry: string;
};

/** Name, scopes and an optional expiry; then the token, shown once. Works without scripts. */
export function TokenForm({ grantable, earliestExpiry, latestExpiry }: Props) {
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
  } = useServerForm({
    schema: createApiTokenSchema,
    action: createApiTokenAction,
    defaultValues: { name: "", scopes: [], expiresOn: "" },
  });
  const result = state as CreateApiTokenState | undefined;
  if (result?.ok && "created" in result) return <NewTokenNotice created={result.created} />;
  const scopesError = errorFor("scopes");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5 p-4"
    >
      <FormErrorSummary message={summary} />
      <TextInput
        label="Name"
        {...field("name")}
        required
        maxLength={apiTokenNameMax}
        autoComplete="off"
        help="What uses the token, such as “CRM sync”: it names the token in lists and in Account Activity."
      />
      <fieldset aria-describedby="scopes-help">
        <legend className="mb-1 text-sm font-medium text-neutral-800">Scopes</legend>
        <p id="scopes-help" className="mb-2 text-xs text-neutral-600">
          What the token may do. It acts as you, never beyond these, and only while you still hold
          them. You can choose only permissions you have.
        </p>
        <ScopeCheckboxes
          grantable={grantable}
          checked={initialValues("scopes")}
          register={form.register("scopes")}
          error={scopesError}
          errorId="scopes-error"
        />
        {scopesError ? (
          <p id="scopes-error" className="mt-1 text-xs font-medium text-red-700">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <TextInput
        label="Expires"
        type="date"
        {...field("expiresOn")}
        min={earliestExpiry}
        max={latestExpiry}
        className="max-w-xs"
        help="Optional. The token stops working at the end of this day (UTC), at most a year from today. Leave empty for a token that does not expire."
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
        <ButtonLink href="/integrations/tokens" variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
