import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";

/**
 * A table inside its own scroll box, so the sticky header sticks to the box.
 * Give it a height (e.g. className="max-h-[70vh]") to scroll long lists.
 */
export function Table({
  caption,
  className,
  children,
  ...rest
}: ComponentProps<"table"> & { caption?: ReactNode }) {
  return (
    // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable). Not a named
    // region: the caption names the table, and a second name would echo field labels nearby.
    <div
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll box must take focus to scroll by keyboard.
      tabIndex={0}
      className={cx(
        "overflow-auto focus-visible:outline-2 focus-visible:outline-accent-600",
        className,
      )}
    >
      <table className="w-full border-separate border-spacing-0 text-left text-sm" {...rest}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...rest }: ComponentProps<"thead">) {
  return <thead className={cx("sticky top-0 z-10", className)} {...rest} />;
}

export function TH({ className, scope = "col", ...rest }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cx(
        "border-b border-neutral-200 bg-neutral-50 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-neutral-600",
        className,
      )}
      {...rest}
    />
  );
}

/** A body row; `selected` marks the row whose details are open. */
export function TR({
  selected = false,
  className,
  ...rest
}: ComponentProps<"tr"> & { selected?: boolean }) {
  return (
    <tr
      aria-current={selected ? "true" : undefined}
      className={cx(
        "group",
        selected
          ? "bg-accent-50 shadow-[inset_3px_0_0_var(--color-accent-600)]"
          : "hover:bg-neutral-50",
        className,
      )}
      {...rest}
    />
  );
}

export function TD({ className, ...rest }: ComponentProps<"td">) {
  return (
    <td
      className={cx(
        "border-b border-neutral-100 px-3 py-2 align-middle tabular-nums text-neutral-800",
        className,
      )}
      {...rest}
    />
  );
}

/** What an empty list says, and what to do next (put a link or button in children). */
export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center px-6 py-12 text-center">
      <p className="text-sm font-semibold text-neutral-900">{title}</p>
      {children ? (
        <div className="mt-1 max-w-sm text-sm text-neutral-600 [&_a]:text-accent-700 [&_a]:underline">
          {children}
        </div>
      ) : null}
    </div>
  );
}
