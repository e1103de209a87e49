import type { TemplateInput } from "./template-schema";

/**
 * The template form's values by input name ("attributes.2.pattern", "features.0.fields.name"):
 * what FormData sends, what a refused save echoes, and what the rows are rendered from.
 */
export type TemplateFormFields = Record<string, string>;

export const templateFormSections = ["attributes", "features", "callFlow"] as const;
export type TemplateFormSection = (typeof templateFormSections)[number];

/** Blank rows offered below the filled ones; "More rows" adds this many again. */
export const blankRows = 2;
export const moreRowsStep = 3;
// A row index beyond this in posted data is ignored: it would only make a huge sparse list.
export const maxRowIndex = 199;

const rowKey = /^(attributes|features|callFlow)\.(\d{1,3})\.(.+)$/;

export function parseRowKey(
  name: string,
): { section: TemplateFormSection; index: number; field: string } | undefined {
  const match = rowKey.exec(name);
  if (!match) return undefined;
  const index = Number(match[2]);
  if (index > maxRowIndex) return undefined;
  return { section: match[1] as TemplateFormSection, index, field: match[3]! };
}

/** Nested values (react-hook-form's) and FormData's flat ones, as flat text; nested wins. */
export function flattenFormValues(input: Record<string, unknown>): TemplateFormFields {
  const flat: TemplateFormFields = {};
  const nested: [string, unknown][] = [];
  for (const [name, value] of Object.entries(input)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      nested.push([name, value]);
    else if (
      Array.isArray(value) &&
      value.some((item) => item !== null && typeof item === "object")
    )
      nested.push([name, value]);
    else flat[name] = textOf(value);
  }
  for (const [prefix, value] of nested) {
    const entries = Array.isArray(value)
      ? [...value.entries()].map(([index, item]) => [String(index), item] as const)
      : Object.entries(value as object);
    for (const [name, item] of entries) {
      if (item === undefined || item === null) continue;
      Object.assign(flat, flattenFormValues({ [`${prefix}.${name}`]: item }));
    }
  }
  return flat;
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === true) return "on";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  return "";
}

const blankIgnoring: Record<TemplateFormSection, ReadonlySet<string>> = {
  // A blank row still carries its select's first choice and an unticked box.
  attributes: new Set(["type", "required"]),
  features: new Set(["source"]),
  callFlow: new Set(),
};

/** The section's rows by index, each with its fields by name ("fields.name" for features). */
export function formRows(fields: TemplateFormFields, section: TemplateFormSection) {
  const rows = new Map<number, Record<string, string>>();
  for (const [name, value] of Object.entries(fields)) {
    const key = parseRowKey(name);
    if (key?.section !== section) continue;
    const row = rows.get(key.index) ?? {};
    row[key.field] = value;
    rows.set(key.index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b);
}

/** A row nobody typed in; ignored on save. */
export function isBlankRow(section: TemplateFormSection, row: Record<string, string>): boolean {
  return Object.entries(row).every(
    ([field, value]) => blankIgnoring[section].has(field) || value.trim() === "",
  );
}

/** How many rows to render: every row posted, and at least `blankRows` blank ones after the filled. */
export function formRowCount(fields: TemplateFormFields, section: TemplateFormSection): number {
  const rows = formRows(fields, section);
  const filled = rows.filter(([, row]) => !isBlankRow(section, row)).length;
  const posted = rows.length === 0 ? 0 : rows[rows.length - 1]![0] + 1;
  return Math.min(maxRowIndex + 1, Math.max(posted, filled + blankRows));
}

const firstField: Record<TemplateFormSection, string> = {
  attributes: "key",
  features: "kind",
  callFlow: "type",
};

/** The form's values with `moreRowsStep` more blank rows in the section (the no-script path). */
export function withMoreRows(
  fields: TemplateFormFields,
  section: TemplateFormSection,
): TemplateFormFields {
  const count = formRowCount(fields, section);
  const more = { ...fields };
  for (let index = count; index < Math.min(count + moreRowsStep, maxRowIndex + 1); index++) {
    more[`${section}.${index}.${firstField[section]}`] = "";
  }
  return more;
}

/** A template (or a new one) as the form's values. */
export function templateFormFields(template?: TemplateInput): TemplateFormFields {
  const fields: TemplateFormFields = {
    name: template?.name ?? "",
    description: template?.description ?? "",
  };
  for (const [index, attribute] of (template?.attributes ?? []).entries()) {
    const prefix = `attributes.${index}`;
    Object.assign(fields, {
      [`${prefix}.key`]: attribute.key,
      [`${prefix}.label`]: attribute.label,
      [`${prefix}.type`]: attribute.type,
      [`${prefix}.required`]: attribute.required ? "on" : "",
      [`${prefix}.defaultValue`]: attribute.defaultValue,
      [`${prefix}.pattern`]: attribute.pattern,
      [`${prefix}.helpText`]: attribute.helpText,
      [`${prefix}.options`]: attribute.options.join(", "),
    });
  }
  for (const [index, feature] of (template?.features ?? []).entries()) {
    fields[`features.${index}.kind`] = feature.kind;
    fields[`features.${index}.source`] = feature.source;
    for (const [name, value] of Object.entries(feature.fields)) {
      fields[`features.${index}.fields.${name}`] = value;
    }
  }
  for (const [index, step] of (template?.callFlow ?? []).entries()) {
    fields[`callFlow.${index}.type`] = step.type;
    fields[`callFlow.${index}.value`] = step.value;
  }
  return fields;
}
