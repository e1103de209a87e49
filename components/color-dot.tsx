import { cx } from "./cx";

/** What the dot is, in words: the tooltip of every dot and the legend below. */
export const colorMarkerName = "Color marker";

/**
 * A user's color marker: a small dot each user picks (the Color field) so people can be
 * told apart at a glance. Beside a name it is decorative (hidden from screen readers, the
 * name carries the meaning) with a tooltip saying what it is; with `label` it is announced.
 */
export function ColorDot({
  color,
  label,
  className,
}: {
  color?: string;
  label?: string;
  className?: string;
}) {
  const dot = (
    <span
      aria-hidden="true"
      title={label ? undefined : colorMarkerName}
      className={cx("inline-block size-2.5 shrink-0 rounded-full ring-1 ring-black/15", className)}
      style={{ backgroundColor: color ?? "var(--color-neutral-400)" }}
    />
  );
  if (!label) return dot;
  return (
    <span className="inline-flex items-center" title={label}>
      {dot}
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** One line that explains the dots, for the first list of people a page shows. */
export function ColorMarkerLegend({ className }: { className?: string }) {
  return (
    <p className={cx("flex items-center gap-2 text-xs text-neutral-600", className)}>
      <ColorDot />
      <span>
        {colorMarkerName}: the color each user picked under Color, to tell people apart at a glance.
      </span>
    </p>
  );
}
