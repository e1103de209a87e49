/** "Nov 1 – 30, 2026" from an invoice's local dates; they are dates, so read them in UTC. */
export function formatInvoicePeriod(periodStart: string, periodEnd: string): string {
  const format = new Intl.DateTimeFormat("en", { timeZone: "UTC", dateStyle: "medium" });
  return format.formatRange(
    new Date(`${periodStart}T00:00:00Z`),
    new Date(`${periodEnd}T00:00:00Z`),
  );
}
