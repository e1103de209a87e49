"use client";

import type { effectivePermissions } from "@/lib/auth/permissions";
import { ModuleToggleButton, useModuleToggles } from "./module-toggle";

type Modules = ReturnType<typeof effectivePermissions>;

/**
 * The module list for one user: each action's effective result and its source,
 * and (when `editable`) an Inherit / Allow / Deny choice named "override:module:action".
 */
export function PermissionOverrides({
  modules,
  editable,
}: {
  modules: Modules;
  editable: boolean;
}) {
  // Modules with an override start open: after a save the change and its result show.
  const { hydrated, isOpen, toggle } = useModuleToggles(
    modules
      .filter((module) => module.actions.some((entry) => entry.override))
      .map((module) => module.key),
  );
  return (
    <ul className="divide-y divide-neutral-100">
      {modules.map((module) => {
        const panelId = `overrides-${module.key}`;
        const allowed = module.actions.filter((entry) => entry.allowed).length;
        return (
          <li key={module.key} className="px-4 py-2.5">
            <div className="flex items-center justify-between gap-3">
              <h3 className="text-sm font-semibold text-neutral-900">
                {module.label}
                <span className="ml-2 text-xs font-normal text-neutral-600">
                  {allowed} of {module.actions.length} allowed
                </span>
              </h3>
              {hydrated ? (
                <ModuleToggleButton
                  label={module.label}
                  panelId={panelId}
                  isOpen={isOpen(module.key)}
                  onToggle={() => toggle(module.key)}
                />
              ) : null}
            </div>
            {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls, and this panel is read-only on the profile. */}
            <div
              id={panelId}
              role="group"
              aria-label={`${module.label} actions`}
              hidden={!isOpen(module.key)}
              className="mt-2 space-y-2.5"
            >
              {module.actions.map((entry) => (
                <div key={entry.key} className="space-y-1 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                    <span className="font-medium text-neutral-800">{entry.label}</span>
                    <span className={entry.allowed ? "text-emerald-800" : "text-neutral-700"}>
                      <span className="font-medium">
                        {entry.allowed ? "Allowed" : "Not allowed"}
                      </span>
                      <span className="text-neutral-600"> · {entry.source}</span>
                    </span>
                  </div>
                  {editable ? (
                    <fieldset className="flex gap-4 pl-3">
                      <legend className="sr-only">
                        {module.label} {entry.label}
                      </legend>
                      {(["inherit", "allow", "deny"] as const).map((choice) => (
                        <label key={choice} className="flex items-center gap-1 text-neutral-800">
                          <input
                            type="radio"
                            name={`override:${entry.key}`}
                            value={choice}
                            defaultChecked={(entry.override ?? "inherit") === choice}
                            className="accent-accent-600"
                          />
                          {choice === "inherit" ? "Inherit" : choice === "allow" ? "Allow" : "Deny"}
                        </label>
                      ))}
                    </fieldset>
                  ) : null}
                </div>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
