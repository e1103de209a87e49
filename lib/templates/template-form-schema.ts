import { z } from "zod";
import {
  flattenFormValues,
  formRows,
  isBlankRow,
  type TemplateFormFields,
  type TemplateFormSection,
  templateFormSections,
} from "./template-form-values";
import { type TemplateInput, templateSchema } from "./template-schema";

type RowIndexes = Record<TemplateFormSection, number[]>;

function splitOptions(text: string): string[] {
  return text
    .split(",")
    .map((option) => option.trim())
    .filter((option) => option !== "");
}

/** The template the form describes, blank rows left out, and where each kept row came from. */
function templateFromForm(fields: TemplateFormFields): { input: TemplateInput; rows: RowIndexes } {
  const kept = (section: TemplateFormSection) =>
    formRows(fields, section).filter(([, row]) => !isBlankRow(section, row));
  const attributes = kept("attributes");
  const features = kept("features");
  const callFlow = kept("callFlow");
  const input: TemplateInput = {
    name: fields.name ?? "",
    description: fields.description ?? "",
    attributes: attributes.map(([, row]) => ({
      key: row.key ?? "",
      label: row.label ?? "",
      type: (row.type || "text") as TemplateInput["attributes"][number]["type"],
      required: row.required === "on" || row.required === "true",
      defaultValue: row.defaultValue ?? "",
      pattern: (row.pattern ?? "").trim(),
      helpText: row.helpText ?? "",
      options: splitOptions(row.options ?? ""),
    })),
    features: features.map(([, row]) => ({
      kind: row.kind ?? "",
      source: (row.source || "create") as "create" | "spare",
      fields: Object.fromEntries(
        Object.entries(row)
          .filter(([name]) => name.startsWith("fields."))
          .map(([name, value]) => [name.slice("fields.".length), value]),
      ),
    })),
    callFlow: callFlow.map(([, row]) => ({
      type: (row.type ?? "") as TemplateInput["callFlow"][number]["type"],
      value: row.value ?? "",
    })),
  };
  return {
    input,
    rows: {
      attributes: attributes.map(([index]) => index),
      features: features.map(([index]) => index),
      callFlow: callFlow.map(([index]) => index),
    },
  };
}

/**
 * The input a problem belongs to, as the form names it: "attributes.2.pattern" for the third
 * row as rendered (blank rows count), "features.0.fields.name", or a top-level field.
 */
function formFieldName(path: PropertyKey[], rows: RowIndexes): string {
  const [head, index, ...rest] = path.map(String);
  const section = templateFormSections.find((candidate) => candidate === head);
  if (!section || index === undefined) return head ?? "form";
  const rendered = rows[section][Number(index)] ?? Number(index);
  const depth = section === "features" && rest[0] === "fields" ? 2 : 1;
  return [section, rendered, ...rest.slice(0, depth)].join(".");
}

const rowNouns: Record<TemplateFormSection, string> = {
  attributes: "Attribute",
  features: "feature",
  callFlow: "call flow step",
};

/**
 * Messages number rows as saved ("feature 1"), for callers without a form; the form counts
 * its blank rows too, so the numbers are those of the rows as rendered.
 */
function renumbered(message: string, rows: RowIndexes): string {
  let result = message;
  for (const section of templateFormSections) {
    const noun = rowNouns[section];
    result = result.replace(new RegExp(`\\b${noun} (\\d+)\\b`, "g"), (text, number: string) => {
      const rendered = rows[section][Number(number) - 1];
      return rendered === undefined ? text : `${noun} ${rendered + 1}`;
    });
  }
  return result;
}

/**
 * The template form, as FormData posts it and as react-hook-form holds it: rows whose inputs
 * are all empty are ignored, choice options are typed comma-separated, and each problem is
 * reported under the name of the input it is about.
 */
export const templateFormSchema = z.record(z.string(), z.unknown()).transform((values, ctx) => {
  const { input, rows } = templateFromForm(flattenFormValues(values));
  const parsed = templateSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({
      code: "custom",
      path: [formFieldName(issue.path, rows)],
      message: renumbered(issue.message, rows),
    });
  }
  return z.NEVER;
});
