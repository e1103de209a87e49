"use client";

import { useEffect, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { webhookEventGroups, wildcardOf } from "@/lib/webhooks/event-types";

type Props = {
  /** What the form was rendered with (stored, or what a refused save sent). */
  selected: readonly string[];
  /** What is ticked now, while scripts run. */
  current: readonly string[];
  register: UseFormRegisterReturn;
  error?: string;
};

const boxClasses = "size-4 shrink-0 rounded border-neutral-500/80 accent-accent-600";

/**
 * The event types as check boxes by group, each group with "All … events" (which also takes
 * the group's events added later). With scripts, ticking "All" greys out the single boxes it
 * covers; without them the server keeps "All" and drops what it covers.
 */
export function EventTypePicker({ selected, current, register, error }: Props) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <fieldset aria-describedby={error ? "eventTypes-error" : "eventTypes-help"}>
      <legend className="text-sm font-medium text-neutral-800">Event types</legend>
      <p id="eventTypes-help" className="mt-1 mb-2 text-xs text-neutral-600">
        The changes this endpoint is told about. "Send test event" works whatever is ticked.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {webhookEventGroups.map((group) => {
          const wildcard = wildcardOf(group);
          const covered = hydrated && current.includes(wildcard);
          return (
            <fieldset
              key={group.key}
              className="rounded-md border border-neutral-200 px-3 pt-2 pb-3"
            >
              <legend className="px-1 text-sm font-semibold text-neutral-900">{group.label}</legend>
              <div className="flex items-center gap-2">
                <input
                  type="checkbox"
                  id={`event-${group.key}-all`}
                  value={wildcard}
                  defaultChecked={selected.includes(wildcard)}
                  className={boxClasses}
                  {...register}
                />
                <label
                  htmlFor={`event-${group.key}-all`}
                  className="text-sm font-medium text-neutral-800"
                >
                  All {group.key} events
                </label>
              </div>
              <ul className="mt-1.5 space-y-1 pl-6">
                {group.types.map((type) => (
                  <li key={type} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      id={`event-${type}`}
                      value={type}
                      defaultChecked={selected.includes(type)}
                      disabled={covered}
                      className={boxClasses}
                      {...register}
                    />
                    <label
                      htmlFor={`event-${type}`}
                      className={`font-mono text-xs ${covered ? "text-neutral-500" : "text-neutral-800"}`}
                    >
                      {type}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
      </div>
      {error ? (
        <p id="eventTypes-error" className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
