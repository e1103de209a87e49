import { z } from "zod";

// Helpers for schemas that parse both FormData (strings, absent check boxes)
// and react-hook-form values (booleans) the same way.
export const checkbox = z.preprocess(
  (value) => value === true || value === "on" || value === "true",
  z.boolean(),
);

// NUL cannot be stored in a text column (PostgreSQL refuses the whole statement); the other
// control characters and the bidi overrides ("\u202Efdp.exe" reads as "exe.pdf") have no
// place in what people type into a form. Line breaks and tabs stay: addresses and notes have them.
const controlCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const lineBreaks = /[\n\r\t\u2028\u2029]/;

/** For free text: refuses what no one types (see above), naming the field. */
export const hasNoControlCharacters = (value: string) => !controlCharacters.test(value);

/** For a name shown on one line (the top bar, an invoice): line breaks are refused too. */
export const isSingleLine = (value: string) =>
  hasNoControlCharacters(value) && !lineBreaks.test(value);

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(hasNoControlCharacters, `${label} cannot contain control characters.`)
    .optional()
    .transform((value) => value ?? "");

export function formDataObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    // A field named __proto__ would replace the result's prototype instead of being a key.
    if (typeof value !== "string" || key.startsWith("$ACTION") || key === "__proto__") continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}
