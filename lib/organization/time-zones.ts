// The runtime's IANA zones. Some runtimes leave "UTC" out of the list (it is an alias there),
// yet it is the default every account starts with.
const zones = [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];

export const timeZones: readonly string[] = zones;

const known = new Set(zones);

export function isTimeZone(value: string): boolean {
  return known.has(value);
}
