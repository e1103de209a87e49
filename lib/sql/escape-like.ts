/** Makes typed text match itself in LIKE: %, _ and the escape character are taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
