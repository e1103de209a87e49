import { InvalidError } from "@/lib/errors";
import { type TemplateInput, templateSchema, type ValidTemplate } from "./template-schema";

/**
 * The template checked as every save checks it, whoever calls (form, API, demo loader), or an
 * InvalidError whose field errors are keyed by path ("attributes.2.pattern") and whose
 * message names the first problem.
 */
export function validTemplate(input: TemplateInput): ValidTemplate {
  const parsed = templateSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    fieldErrors[issue.path.map(String).join(".") || "form"] ??= issue.message;
  }
  const messages = Object.values(fieldErrors);
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : "";
  throw new InvalidError(`The template cannot be saved: ${messages[0]}${more}`, fieldErrors);
}
