import { z } from "zod";
import { extensionProblem } from "@/lib/users/fields/extension";
import { parsePhone } from "@/lib/users/fields/phone";
import type { AttributeDefinition } from "./attribute-types";
import { matchPattern } from "./pattern-match";

export const maxPatternLength = 200;
export const maxAttributeValueLength = 500;

export type AttributeValueCheck = { ok: true; value: string } | { ok: false; message: string };

const decimal = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const emailSchema = z.email();

/**
 * The pattern as a RegExp that must match the whole value, or the reason it cannot be one.
 * The bare pattern is compiled first: "a)|(b" would otherwise escape the anchoring group.
 * The u flag makes stray escapes errors instead of silently meaning something else.
 */
export function compilePattern(
  pattern: string,
): { ok: true; regex: RegExp } | { ok: false; message: string } {
  if (pattern.length > maxPatternLength) {
    return { ok: false, message: `Use a pattern of at most ${maxPatternLength} characters.` };
  }
  try {
    new RegExp(pattern, "u");
    return { ok: true, regex: new RegExp(`^(?:${pattern})$`, "u") };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The pattern is not a valid regular expression (${reason}).` };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function byType(definition: AttributeDefinition, value: string): AttributeValueCheck {
  const { label } = definition;
  switch (definition.type) {
    case "text":
      return { ok: true, value };
    case "number":
      return decimal.test(value) && Number.isFinite(Number(value))
        ? { ok: true, value: String(Number(value)) }
        : { ok: false, message: `${label} must be a number, such as 20.` };
    case "choice":
      return definition.options.includes(value)
        ? { ok: true, value }
        : { ok: false, message: `${label} must be one of: ${definition.options.join(", ")}.` };
    case "phone_number": {
      const phone = parsePhone(value);
      return phone.ok
        ? { ok: true, value: phone.e164 }
        : { ok: false, message: `${label}: ${lowerFirst(phone.message)}` };
    }
    case "extension": {
      const problem = extensionProblem(value);
      return problem
        ? { ok: false, message: `${label}: ${lowerFirst(problem)}` }
        : { ok: true, value };
    }
    case "email":
      return emailSchema.safeParse(value).success
        ? { ok: true, value }
        : {
            ok: false,
            message: `${label} must be a valid email address, such as ann@example.com.`,
          };
  }
}

/**
 * Checks one non-empty value against its definition and returns it as stored: a number in
 * its plain form, a phone number in E.164. The pattern is matched against that stored form,
 * so a pattern for phone numbers is written for +12125550100, whatever was typed.
 */
export function checkAttributeValue(
  definition: AttributeDefinition,
  typed: string,
  pattern?: RegExp,
): AttributeValueCheck {
  if (typed.length > maxAttributeValueLength) {
    return {
      ok: false,
      message: `${definition.label} must be at most ${maxAttributeValueLength} characters.`,
    };
  }
  const checked = byType(definition, typed);
  if (!checked.ok || !pattern) return checked;
  const match = matchPattern(pattern, checked.value);
  if (match === "match") return checked;
  if (match === "too-slow") {
    return {
      ok: false,
      message: `${definition.label} takes too long to check against the pattern ${definition.pattern}: the template's pattern needs to be simpler.`,
    };
  }
  const help = definition.helpText.trim();
  return {
    ok: false,
    message: help
      ? `${definition.label}: ${help}${/[.!?]$/.test(help) ? "" : "."}`
      : `${definition.label} must match the pattern ${definition.pattern}.`,
  };
}
