// Times in UTC, said so: the server renders them, and a viewer's zone is not known there.
const timeFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function formatInstanceTime(value: Date): string {
  return `${timeFormat.format(value)} UTC`;
}

/** A time as people read it, machine-readable too; `empty` when there is none. */
export function InstanceTime({ value, empty = "Never" }: { value: Date | null; empty?: string }) {
  if (!value) return <span className="text-neutral-600">{empty}</span>;
  return <time dateTime={value.toISOString()}>{formatInstanceTime(value)}</time>;
}
