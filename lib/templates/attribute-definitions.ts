import { z } from "zod";
import { type AttributeDefinition, attributeTypeList } from "./attribute-types";
import { checkAttributeValue, compilePattern, maxAttributeValueLength } from "./attribute-value";
import { isTemplateUserField, templateUserFields } from "./user-fields";

const keyPattern = /^[a-z][a-zA-Z0-9_]{0,39}$/;
export const maxAttributes = 50;
export const maxChoiceOptions = 50;

const key = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value === "")
      ctx.addIssue({ code: "custom", message: "Enter a key, such as voicemailPin." });
    else if (!keyPattern.test(value)) {
      ctx.addIssue({
        code: "custom",
        message:
          "Use a key that starts with a lowercase letter, then letters, digits or _ (at most 40), such as voicemailPin.",
      });
    }
  });

/**
 * One setup attribute as a template defines it. The default must pass the attribute's own
 * checks, so a form that starts from the defaults is always valid; it is returned as stored
 * (a phone number in E.164). Keys unique within the template: attributeDefinitionsSchema.
 */
export const attributeDefinitionSchema = z
  .object({
    key,
    label: z
      .string()
      .trim()
      .min(1, "Enter a label.")
      .max(80, "Use a label of at most 80 characters."),
    type: z.enum(attributeTypeList, "Choose a type."),
    required: z.boolean(),
    defaultValue: z
      .string()
      .trim()
      .max(
        maxAttributeValueLength,
        `Use a default of at most ${maxAttributeValueLength} characters.`,
      ),
    pattern: z.string(),
    helpText: z.string().trim().max(200, "Use help text of at most 200 characters."),
    options: z
      .array(
        z
          .string()
          .trim()
          .min(1, "Options cannot be empty.")
          .max(80, "Use options of at most 80 characters."),
      )
      .max(maxChoiceOptions, `Use at most ${maxChoiceOptions} options.`),
  })
  // A refinement, not a transform: it runs even when a field above failed, so one Save
  // reports every problem of the row.
  .superRefine((definition, ctx) => {
    const issue = (path: keyof AttributeDefinition, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    const keyProblem = reservedKeyProblem(definition.key, definition.type);
    if (keyProblem) issue("key", keyProblem);
    if (definition.type === "choice") {
      const lower = definition.options.map((option) => option.toLowerCase());
      if (definition.options.length === 0) {
        issue("options", "Enter at least one option, separated by commas.");
      } else if (new Set(lower).size !== lower.length) {
        issue("options", "Each option may appear only once.");
      } else if (!definition.options.includes(definition.defaultValue)) {
        issue("defaultValue", "Choose a default that is one of the options.");
      }
    } else if (definition.options.length > 0) {
      issue(
        "options",
        "Only a choice attribute has options; clear them or choose the type Choice.",
      );
    }
    const pattern = definition.pattern === "" ? undefined : compilePattern(definition.pattern);
    if (pattern && !pattern.ok) issue("pattern", pattern.message);
    if (definition.type === "choice" || definition.defaultValue === "") return;
    const checked = checkAttributeValue(
      definition,
      definition.defaultValue,
      pattern?.ok ? pattern.regex : undefined,
    );
    if (!checked.ok) issue("defaultValue", `The default does not fit: ${checked.message}`);
  })
  .transform((definition): AttributeDefinition => {
    if (definition.defaultValue === "") return definition;
    const pattern = definition.pattern === "" ? undefined : compilePattern(definition.pattern);
    const checked = checkAttributeValue(
      definition,
      definition.defaultValue,
      pattern?.ok ? pattern.regex : undefined,
    );
    return checked.ok ? { ...definition, defaultValue: checked.value } : definition;
  });

/**
 * {{extension}} names the user's extension, and in an instance that is the seat's: a
 * template asks for it as an attribute of type Extension keyed "extension", which then
 * stands in for the user's field (attribute values override user fields when resolving).
 * The other user fields cannot be redefined, nor shadowed by a key differing only in case.
 */
function reservedKeyProblem(key: string, type: AttributeDefinition["type"]): string | undefined {
  if (key === "extension") {
    return type === "extension"
      ? undefined
      : "The key extension is for an attribute of type Extension (the seat's extension).";
  }
  if (isTemplateUserField(key))
    return `{{${key}}} already names the user's ${key}; choose another key.`;
  const near = templateUserFields.find((field) => field.toLowerCase() === key.toLowerCase());
  if (near) return `${key} is too close to the user field ${near}; choose another key.`;
  return undefined;
}

/** A template's attribute list: each definition valid, keys unique ignoring case. */
export const attributeDefinitionsSchema = z
  .array(attributeDefinitionSchema)
  .max(maxAttributes, `Use at most ${maxAttributes} attributes.`)
  .superRefine((definitions, ctx) => {
    const seen = new Map<string, number>();
    for (const [index, definition] of definitions.entries()) {
      const lower = definition.key.toLowerCase();
      const first = seen.get(lower);
      if (first === undefined) seen.set(lower, index);
      else {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `Attribute ${first + 1} already uses the key ${definitions[first]!.key}.`,
        });
      }
    }
  });
