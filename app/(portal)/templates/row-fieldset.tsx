import type { ReactNode } from "react";

/** One repeated row, named for screen readers ("Attribute 2"), its inputs in a grid. */
export function RowFieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-md border border-neutral-200 p-3">
      <legend className="px-1 text-xs font-semibold text-neutral-600">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/** A section of the template form: a heading, what to type, the rows, and More rows. */
export function FormSection({
  id,
  title,
  help,
  error,
  children,
  footer,
}: {
  id: string;
  title: string;
  help: ReactNode;
  error?: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3 border-t border-neutral-200 pt-4">
      <h3 id={id} className="text-sm font-semibold text-neutral-900">
        {title}
      </h3>
      <div className="text-xs text-neutral-600">{help}</div>
      {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
      <div className="space-y-3">{children}</div>
      <div>{footer}</div>
    </section>
  );
}
