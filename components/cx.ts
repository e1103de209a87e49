/** Joins class names, skipping falsy values, so conditional classes read plainly. */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
