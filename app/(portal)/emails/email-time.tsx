// Short times for the list, in UTC, said so: the server renders them, and a viewer's zone is
// not known there. The details pane shows the full date.
const shortFormat = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function EmailTime({ value, empty }: { value: Date | null; empty: string }) {
  if (!value) return <span className="text-neutral-600">{empty}</span>;
  return <time dateTime={value.toISOString()}>{`${shortFormat.format(value)} UTC`}</time>;
}
