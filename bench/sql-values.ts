// Arrays travel to SQL as one text parameter in PostgreSQL's array syntax, cast in the query:
// the same on node-postgres and PGlite, and one parameter however many items there are.
export function arrayLiteral(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return `{${quoted.join(",")}}`;
}

/** The rows of a raw query, as both drivers return them. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
