import { cx } from "./cx";

/** How one status looks: its word, its colours and a small shape (an SVG path on 16×16). */
export type StatusLook = { label: string; className: string; icon: string };

/** A status in words with a shape beside it: never colour alone. */
export function StatusBadge({ look, iconClassName }: { look: StatusLook; iconClassName?: string }) {
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        look.className,
      )}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
        className={cx("size-3.5", iconClassName)}
      >
        <path d={look.icon} />
      </svg>
      {look.label}
    </span>
  );
}
