import { cx } from "./cx";

/** A user's colour as a small dot; decorative unless a label is given. */
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
