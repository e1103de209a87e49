import { z } from "zod";
import type { AttributeDefinition } from "./attribute-types";
import { checkAttributeValue, compilePattern } from "./attribute-value";

export type AttributeValues = Record<string, string>;

/** What a form control or FormData may hold for one attribute, as the text to check. */
function typedText(input: unknown): string {
  if (typeof input === "string") return input.trim();
  if (typeof input === "number" && Number.isFinite(input)) return String(input);
  return "";
}

function attributeValueSchema(definition: AttributeDefinition): z.ZodType<string, unknown> {
  const compiled = definition.pattern === "" ? undefined : compilePattern(definition.pattern);
  // optional(): a key missing from the input is an empty value, not a type error.
  return z
    .unknown()
    .optional()
    .transform((input, ctx) => {
      const fail = (message: string) => {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      // Saved templates have valid patterns; one that is not (edited in the database) is
      // refused rather than skipped, since skipping would accept anything.
      if (compiled && !compiled.ok) {
        return fail(`${definition.label} has a pattern that is not valid; edit the template.`);
      }
      let typed = typedText(input);
      if (typed === "") {
        if (definition.required) return fail(`Enter ${definition.label}.`);
        if (definition.defaultValue === "") return "";
        typed = definition.defaultValue;
      }
      const checked = checkAttributeValue(definition, typed, compiled?.regex);
      return checked.ok ? checked.value : fail(checked.message);
    });
}

/**
 * The Setup Attributes form of a template, for the browser (zodResolver) and the server.
 * Values arrive as text; an empty optional value becomes the default; the output holds every
 * attribute's value as stored (numbers plain, phone numbers in E.164), keyed by attribute key.
 */
export function attributesSchema(
  definitions: AttributeDefinition[],
): z.ZodObject<Record<string, z.ZodType<string, unknown>>> {
  return z.object(
    Object.fromEntries(
      definitions.map((definition) => [definition.key, attributeValueSchema(definition)]),
    ),
  );
}

/** The Setup Attributes form's starting values: each attribute's default. */
export function attributeDefaults(definitions: AttributeDefinition[]): AttributeValues {
  return Object.fromEntries(
    definitions.map((definition) => [definition.key, definition.defaultValue]),
  );
}
