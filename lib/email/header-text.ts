// Text that ends up in a message header (a subject, a display name) comes partly from users.
// Line breaks there would start new headers ("\r\nBcc: …"), so every control character and
// Unicode line or paragraph separator becomes a space before anything is sent.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export const subjectMaxLength = 200;

/** One clean line: no control characters, single spaces, at most `maxLength` characters. */
export function sanitizeHeaderText(value: string, maxLength = subjectMaxLength): string {
  const line = value.replace(controlCharacters, " ").replace(/\s+/g, " ").trim();
  if (line.length <= maxLength) return line;
  return `${line.slice(0, maxLength - 1).trimEnd()}…`;
}

/** Body text keeps its line breaks and tabs but loses every other control character. */
export function sanitizeBodyText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  const others = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
  return value.replace(/\r\n?/g, "\n").replace(others, "");
}
