/** SCIM attribute names are case-insensitive (RFC 7643 §2.1): look keys up lower-cased. */
export function lowerKeys(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.toLowerCase(), item]));
}
