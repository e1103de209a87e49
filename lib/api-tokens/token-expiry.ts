// The expiry rule of new tokens, shared by the form (in the browser) and the service: a token
// may expire on any day from tomorrow to a year from today, and stops working at the end of
// that day in UTC. A whole day, not a time, because people plan expiries by date and the
// portal shows every time in UTC.

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-06-30" for the UTC day of `date`. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addUtcDays(day: Date, days: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + days));
}

/** The first day a new token may expire on: tomorrow (UTC). */
export function earliestExpiryDay(now = new Date()): string {
  return utcDay(addUtcDays(now, 1));
}

/** The last day a new token may expire on: the same date next year (UTC), 28 Feb for 29 Feb. */
export function latestExpiryDay(now = new Date()): string {
  const year = now.getUTCFullYear() + 1;
  const month = now.getUTCMonth();
  const sameDate = new Date(Date.UTC(year, month, now.getUTCDate()));
  // Day 0 of the next month is the last of this one.
  return utcDay(
    sameDate.getUTCMonth() === month ? sameDate : new Date(Date.UTC(year, month + 1, 0)),
  );
}

/** A real calendar day written as YYYY-MM-DD (not 2025-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return !Number.isNaN(date.getTime()) && utcDay(date) === value;
}

/** The last moment of `day` in UTC, when a token expiring on it stops working. */
export function endOfUtcDay(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

/** Why `day` cannot be a new token's expiry, or undefined when it can. */
export function expiryDayProblem(day: string, now = new Date()): string | undefined {
  if (!isCalendarDay(day)) return "Enter a date such as 2030-12-31.";
  // ISO days compare correctly as text.
  if (day < earliestExpiryDay(now)) return "Choose a date after today.";
  if (day > latestExpiryDay(now)) return "Choose a date at most one year from today.";
  return undefined;
}
