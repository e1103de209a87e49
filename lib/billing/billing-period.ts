/**
 * The billing period is the calendar month as the account's time zone reads it: from local
 * midnight on the 1st to local midnight on the 1st of the next month, so a month with a
 * daylight-saving change is an hour shorter or longer than 24 × its days.
 */
export type BillingPeriod = { start: Date; end: Date };

function zonedWallClock(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((entry) => entry.type === type)?.value);
  return {
    year: part("year"),
    month: part("month") - 1,
    wall: Date.UTC(
      part("year"),
      part("month") - 1,
      part("day"),
      part("hour"),
      part("minute"),
      part("second"),
    ),
  };
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return zonedWallClock(wholeSecond, timeZone).wall - wholeSecond;
}

/** The instant the zone's clock reads midnight on the 1st of a month (month may overflow). */
function startOfZonedMonth(year: number, month: number, timeZone: string): number {
  const wall = Date.UTC(year, month, 1);
  const guess = wall - zoneOffset(wall, timeZone);
  // The offset at the guess can differ from the one at the wall-clock value near a change.
  return wall - zoneOffset(guess, timeZone);
}

export function billingPeriod(at: Date, timeZone: string): BillingPeriod {
  const { year, month } = zonedWallClock(at.getTime(), timeZone);
  return {
    start: new Date(startOfZonedMonth(year, month, timeZone)),
    end: new Date(startOfZonedMonth(year, month + 1, timeZone)),
  };
}
