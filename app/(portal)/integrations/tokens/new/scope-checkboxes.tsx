"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { scopesByModule } from "@/lib/api-tokens/token-scopes";
import { type PermissionKey, permissionLabel } from "@/lib/auth/modules";

type Props = {
  /** The permissions the signed-in user holds: the only ones a token of theirs may have. */
  grantable: readonly PermissionKey[];
  checked: readonly string[];
  register: UseFormRegisterReturn;
  error?: string;
  errorId: string;
};

/** One check box per grantable permission, in a group per module. */
export function ScopeCheckboxes({ grantable, checked, register, error, errorId }: Props) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {scopesByModule(grantable).map((group) => (
        <fieldset
          key={group.module}
          className="rounded-md border border-neutral-200 px-3 pt-1 pb-2.5"
        >
          <legend className="px-1 text-xs font-semibold tracking-wide text-neutral-600 uppercase">
            {group.label}
          </legend>
          <div className="mt-1 space-y-1.5">
            {group.actions.map((action) => {
              const id = `scope-${action.key.replace(":", "-")}`;
              return (
                <div key={action.key} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    id={id}
                    value={action.key}
                    defaultChecked={checked.includes(action.key)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    className="size-4 shrink-0 rounded border-neutral-500/80 accent-accent-600"
                    {...register}
                  />
                  <label htmlFor={id} className="text-sm text-neutral-800">
                    {permissionLabel(action.key)}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
