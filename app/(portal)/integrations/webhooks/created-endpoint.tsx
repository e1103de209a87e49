"use client";

import { useState } from "react";
import { Button, ButtonLink } from "@/components/button";
import { inputClasses } from "@/components/field";
import type { ActionState } from "@/lib/actions/action-state";

export type CreatedEndpoint = { id: string; url: string; secret: string };

/** What Add Endpoint answers with when it succeeds: the new endpoint and its secret. */
export type CreatedEndpointState = { ok: true; message: string; created: CreatedEndpoint };

export function createdEndpointOf(state: ActionState | undefined): CreatedEndpoint | undefined {
  return state?.ok && "created" in state ? (state as CreatedEndpointState).created : undefined;
}

/**
 * The signing secret, shown this once: the portal keeps it only to sign with, and no page
 * shows it again. Copying needs scripts; without them the text can be selected.
 */
export function CreatedEndpointSecret({ created }: { created: CreatedEndpoint }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4 p-4">
      {/* Announced at once: the one thing to do now is copy the secret. */}
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5">
        <p className="text-sm font-medium text-amber-950">
          Endpoint created. Copy its signing secret now: it will not be shown again.
        </p>
        <p className="mt-1 text-sm break-all text-amber-950">{created.url}</p>
      </div>
      <div>
        <label htmlFor="signing-secret" className="mb-1 block text-sm font-medium text-neutral-800">
          Signing secret
        </label>
        <div className="flex gap-2">
          <input
            id="signing-secret"
            readOnly
            value={created.secret}
            aria-describedby="signing-secret-help"
            onFocus={(event) => event.currentTarget.select()}
            className={`${inputClasses} font-mono text-xs`}
          />
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
        <p id="signing-secret-help" className="mt-1 text-xs text-neutral-600">
          Your receiver checks each request's webhook-signature header with it, for example with the
          standardwebhooks package.
        </p>
      </div>
      <ButtonLink href={`/integrations/webhooks/${created.id}`}>
        Continue to the endpoint
      </ButtonLink>
    </div>
  );
}
