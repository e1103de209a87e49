"use client";

import { useEffect, useRef } from "react";
import { ButtonLink } from "@/components/button";
import { inputClasses } from "@/components/field";
import type { NewApiToken } from "../actions";
import { CopyButton } from "./copy-button";

/**
 * The new token, this once: the portal keeps only its hash, so it cannot be shown again.
 * Focus moves to the token, so keyboard and screen-reader users land on it and the warning.
 */
export function NewTokenNotice({ created }: { created: NewApiToken }) {
  const tokenRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    tokenRef.current?.focus();
    tokenRef.current?.select();
  }, []);
  return (
    <div className="space-y-4 p-4">
      <div
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950"
      >
        <p className="font-medium">
          Token “{created.name}” created. Copy it now: it will not be shown again.
        </p>
        <p className="mt-1">
          Switchboard keeps only a fingerprint of it. If it is lost, revoke it and create another.
          Keep it as you would a password.
        </p>
      </div>
      <div>
        <label htmlFor="new-token" className="mb-1 block text-sm font-medium text-neutral-800">
          Your new token
        </label>
        <div className="flex gap-2">
          <input
            ref={tokenRef}
            id="new-token"
            readOnly
            value={created.token}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="new-token-help"
            onFocus={(event) => event.currentTarget.select()}
            className={`${inputClasses} min-w-0 flex-1 font-mono text-xs`}
          />
          <CopyButton target={tokenRef} />
        </div>
        <p id="new-token-help" className="mt-1 text-xs text-neutral-600">
          Send it as{" "}
          <code className="font-mono">Authorization: Bearer {created.token.slice(0, 8)}…</code> with
          each REST API request.
          {created.expiresAt
            ? ` It stops working at the end of ${created.expiresAt.slice(0, 10)} (UTC).`
            : " It does not expire; revoke it when it is no longer needed."}
        </p>
      </div>
      <div className="flex gap-2">
        <ButtonLink href={`/integrations/tokens/${created.id}`}>Done</ButtonLink>
      </div>
    </div>
  );
}
