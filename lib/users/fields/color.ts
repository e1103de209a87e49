const colorPattern = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Lower-case `#rrggbb` for `#rgb` or `#rrggbb`; "" for no colour; undefined when invalid. */
export function normalizeColor(value: string): string | undefined {
  const text = value.trim();
  if (text === "") return "";
  const hex = colorPattern.exec(text)?.[1]?.toLowerCase();
  if (hex === undefined) return undefined;
  if (hex.length === 6) return `#${hex}`;
  return `#${[...hex].map((digit) => digit + digit).join("")}`;
}
