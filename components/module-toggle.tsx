"use client";

import { useEffect, useState } from "react";
import { buttonClasses } from "./button";
import { cx } from "./cx";

/**
 * Open/closed state of module rows: everything open until scripts run (so the page
 * works without them), then only `initiallyOpen` until a "Show actions" button opens a row.
 * `hydrated` is false until then: the buttons need scripts, so they appear only with them.
 */
export function useModuleToggles(initiallyOpen: readonly string[] = []) {
  const [open, setOpen] = useState<ReadonlySet<string> | undefined>(undefined);
  const initialKey = initiallyOpen.join(",");
  useEffect(() => setOpen(new Set(initialKey ? initialKey.split(",") : [])), [initialKey]);
  return {
    hydrated: open !== undefined,
    isOpen: (key: string) => open === undefined || open.has(key),
    toggle: (key: string) =>
      setOpen((current) => {
        const next = new Set(current);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
  };
}

/**
 * The "Show actions" / "Hide actions" button of one module row. Its accessible name
 * starts with the visible words (WCAG label in name) and ends with the module, so each
 * row's button is told apart: "Show actions for Users".
 */
export function ModuleToggleButton({
  label,
  panelId,
  isOpen,
  onToggle,
}: {
  label: string;
  panelId: string;
  isOpen: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      aria-expanded={isOpen}
      aria-controls={panelId}
      onClick={onToggle}
      // The negative margin keeps the row as tall as its text: no shift when it appears.
      className={cx(buttonClasses("ghost", "sm"), "-my-1.5 shrink-0")}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className={
          isOpen ? "size-4 rotate-180 transition-transform" : "size-4 transition-transform"
        }
      >
        <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
      </svg>
      {isOpen ? "Hide actions" : "Show actions"}
      <span className="sr-only"> for {label}</span>
    </button>
  );
}
