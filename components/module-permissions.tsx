"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { actionLabels, moduleKeys, modules, type PermissionKey } from "@/lib/auth/modules";
import { ModuleToggleButton, useModuleToggles } from "./module-toggle";

type Props = {
  selected: readonly PermissionKey[];
  /** Actions the signed-in user may not hand out (they do not hold them). */
  locked?: ReadonlySet<PermissionKey>;
  register: UseFormRegisterReturn;
};

/**
 * Every module with a "Show actions" button that opens its actions as check boxes.
 * Without scripts every module is open (and there is no button); once scripts run they
 * start closed.
 */
export function ModulePermissions({ selected, locked, register }: Props) {
  const { hydrated, isOpen: opened, toggle } = useModuleToggles();
  const lockedNoteId = useId();

  return (
    <>
      {locked && locked.size > 0 ? (
        <p id={lockedNoteId} className="mb-2 text-xs text-neutral-600">
          Greyed-out actions are ones you do not have yourself, so you cannot grant them.
        </p>
      ) : null}
      <ul className="divide-y divide-neutral-100 rounded-md border border-neutral-200">
        {moduleKeys.map((module) => {
          const isOpen = opened(module);
          const panelId = `module-${module}`;
          const actions = modules[module].actions as readonly string[];
          const granted = actions.filter((action) =>
            selected.includes(`${module}:${action}` as PermissionKey),
          );
          return (
            <li key={module} className="px-3 py-2">
              <div className="flex items-center justify-between gap-3">
                <span className="text-sm font-medium text-neutral-900">
                  {modules[module].label}
                  {granted.length > 0 ? (
                    <span className="ml-2 text-xs font-normal text-neutral-600">
                      {granted.map((action) => actionLabels[action] ?? action).join(", ")}
                    </span>
                  ) : null}
                </span>
                {hydrated ? (
                  <ModuleToggleButton
                    label={modules[module].label}
                    panelId={panelId}
                    isOpen={isOpen}
                    onToggle={() => toggle(module)}
                  />
                ) : null}
              </div>
              <fieldset
                id={panelId}
                hidden={!isOpen}
                className="mt-2 flex flex-wrap gap-x-5 gap-y-2 pb-1"
              >
                <legend className="sr-only">{modules[module].label} actions</legend>
                {actions.map((action) => {
                  const key = `${module}:${action}` as PermissionKey;
                  const checked = selected.includes(key);
                  const isLocked = locked?.has(key) ?? false;
                  const id = `perm-${module}-${action}`;
                  return (
                    <span key={key} className="flex items-center gap-1.5">
                      <input
                        type="checkbox"
                        id={id}
                        value={key}
                        defaultChecked={checked}
                        disabled={isLocked}
                        aria-describedby={isLocked ? lockedNoteId : undefined}
                        className="size-4 rounded border-neutral-500/80 accent-accent-600"
                        {...register}
                      />
                      {/* A locked, granted action stays granted: disabled boxes are not submitted. */}
                      {isLocked && checked ? (
                        <input type="hidden" name={register.name} value={key} />
                      ) : null}
                      <label htmlFor={id} className="text-sm text-neutral-800">
                        {actionLabels[action] ?? action}
                      </label>
                    </span>
                  );
                })}
              </fieldset>
            </li>
          );
        })}
      </ul>
    </>
  );
}
