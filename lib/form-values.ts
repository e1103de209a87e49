import { z } from "zod";

// Helpers for schemas that parse both FormData (strings, absent check boxes)
// and react-hook-form values (booleans) the same way.
export const checkbox = z.preprocess(
  (value) => value === true || value === "on" || value === "true",
  z.boolean(),
);

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
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
