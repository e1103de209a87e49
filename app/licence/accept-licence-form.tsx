"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { FormErrorSummary } from "@/components/form-errors";
import { acceptLicenceAction, declineLicenceAction } from "./actions";

export function AcceptLicenceForm({ versionId, next }: { versionId: string; next: string }) {
  const [state, action, pending] = useActionState(acceptLicenceAction, undefined);
  return (
    <div className="mt-5 space-y-3">
      <FormErrorSummary message={state && !state.ok ? state.message : undefined} />
      <p className="text-sm text-neutral-700">
        You must accept the agreement to continue using Switchboard.
      </p>
      <div className="flex flex-wrap gap-3">
        <form action={action}>
          <input type="hidden" name="versionId" value={versionId} />
          <input type="hidden" name="next" value={next} />
          <Button type="submit" disabled={pending}>
            I accept
          </Button>
        </form>
        <form action={declineLicenceAction}>
          <Button type="submit" variant="secondary">
            Decline
          </Button>
        </form>
      </div>
    </div>
  );
}
