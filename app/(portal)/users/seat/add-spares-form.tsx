"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { FormErrorSummary } from "@/components/form-errors";
import { addPendingSparesAction } from "./actions";

type Spare = { id: string; label: string; kind: string };

/** "Add": tick spare features of the instance for the user's seat there. */
export function AddSparesForm({ draftId, spares }: { draftId: string; spares: Spare[] }) {
  const [state, action, pending] = useActionState(addPendingSparesAction, undefined);
  const ticked = state && !state.ok ? [state.values.featureIds ?? []].flat() : [];
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="draftId" value={draftId} />
      <FormErrorSummary message={state && !state.ok ? state.message : undefined} />
      <fieldset>
        <legend className="text-sm font-medium text-neutral-900">Spare features</legend>
        <ul className="mt-2 divide-y divide-neutral-200 rounded-md border border-neutral-200">
          {spares.map((spare) => (
            <li key={spare.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-neutral-50">
                <input
                  type="checkbox"
                  name="featureIds"
                  value={spare.id}
                  defaultChecked={ticked.includes(spare.id)}
                />
                <span className="w-36 shrink-0 text-neutral-600">{spare.kind}</span>
                <span className="font-medium text-neutral-900">{spare.label}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          Add to the seat
        </Button>
      </div>
    </form>
  );
}
