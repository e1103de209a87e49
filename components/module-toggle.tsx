"use client";

import { useEffect, useState } from "react";

/**
 * Open/closed state of module rows: everything open until scripts run (so the
 * page works without them), then only `initiallyOpen` until a "–Show–" link opens a row.
 */
export function useModuleToggles(initiallyOpen: readonly string[] = []) {
  const [open, setOpen] = useState<ReadonlySet<string> | undefined>(undefined);
  const initialKey = initiallyOpen.join(",");
  useEffect(() => setOpen(new Set(initialKey ? initialKey.split(",") : [])), [initialKey]);
  return {
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

export function ModuleToggleLink({
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
    <a
      href={`#${panelId}`}
      aria-expanded={isOpen}
      aria-controls={panelId}
      onClick={(event) => {
        event.preventDefault();
        onToggle();
      }}
      className="shrink-0 text-sm text-accent-700 underline-offset-2 hover:underline"
    >
      {isOpen ? "–Hide–" : "–Show–"}
      {/* The visible word starts the name (WCAG label in name); the module tells rows apart. */}
      <span className="sr-only"> {label} actions</span>
    </a>
  );
}
