// Turns the OpenAPI document into what the portal's API reference page shows: operations
// grouped by tag, each with its parameters and body fields resolved from $refs, filtered by
// a search. Plain data, so the page is server-rendered, works offline and without scripts.

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  discriminator?: unknown;
};

type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
};

type Content = Record<string, { schema?: JsonSchema }>;

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Content };
  responses?: Record<string, { description?: string; content?: Content }>;
};

export type OpenApiLike = {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type ReferenceField = {
  name: string;
  type: string;
  required: boolean;
  description: string;
};

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: (ReferenceField & { in: string })[];
  body: ReferenceField[];
  bodyName: string;
  responses: { status: string; description: string; schemaName: string }[];
};

export type ReferenceSection = { tag: string; operations: ReferenceOperation[] };

const methods = ["get", "post", "put", "patch", "delete"];

function refName(ref: string | undefined): string {
  return ref?.split("/").at(-1) ?? "";
}

function resolve(schema: JsonSchema | undefined, doc: OpenApiLike): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[refName(schema.$ref)], doc);
  return schema;
}

/** "string (email)", "array of UserSummary", "one of: keep, release". */
export function describeType(schema: JsonSchema | undefined, doc: OpenApiLike): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return `one of: ${schema.enum.map(String).join(", ")}`;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((variant) => describeType(variant, doc)).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array") return `array of ${describeType(schema.items, doc)}`;
  const limits = [
    schema.format,
    schema.maxLength !== undefined ? `at most ${schema.maxLength} characters` : undefined,
    schema.minimum !== undefined && schema.maximum !== undefined
      ? `${schema.minimum}–${schema.maximum}`
      : undefined,
  ].filter(Boolean);
  return limits.length > 0 ? `${type} (${limits.join(", ")})` : type;
}

function fieldsOf(schema: JsonSchema | undefined, doc: OpenApiLike): ReferenceField[] {
  const object = resolve(schema, doc);
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const resolved = resolve(property, doc);
    const defaultText =
      resolved.default !== undefined ? ` Default: ${JSON.stringify(resolved.default)}.` : "";
    return {
      name,
      type: describeType(property, doc),
      required: required.has(name),
      description: `${resolved.description ?? ""}${defaultText}`.trim(),
    };
  });
}

function schemaOf(content: Content | undefined): JsonSchema | undefined {
  if (!content) return undefined;
  return Object.values(content)[0]?.schema;
}

function operationsOf(doc: OpenApiLike): (ReferenceOperation & { tag: string })[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const op = item[method] as Operation | undefined;
      if (!op) return [];
      const bodySchema = schemaOf(op.requestBody?.content);
      return [
        {
          tag: op.tags?.[0] ?? "Other",
          id: op.operationId ?? `${method}-${path}`,
          method: method.toUpperCase(),
          path,
          summary: op.summary ?? "",
          description: op.description ?? "",
          parameters: (op.parameters ?? []).map((parameter) => ({
            name: parameter.name,
            in: parameter.in,
            type: describeType(parameter.schema, doc),
            required: parameter.required ?? false,
            description: parameter.description ?? resolve(parameter.schema, doc).description ?? "",
          })),
          body: fieldsOf(bodySchema, doc),
          bodyName: refName(bodySchema?.$ref),
          responses: Object.entries(op.responses ?? {}).map(([status, response]) => ({
            status,
            description: response.description ?? "",
            schemaName: refName(schemaOf(response.content)?.$ref),
          })),
        },
      ];
    }),
  );
}

function matches(op: ReferenceOperation, words: string[]): boolean {
  const text = [
    op.method,
    op.path,
    op.summary,
    op.description,
    op.bodyName,
    ...op.parameters.map((parameter) => parameter.name),
    ...op.body.map((field) => `${field.name} ${field.description}`),
  ]
    .join(" ")
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** The operations whose text holds every word of `search`, grouped by tag in document order. */
export function referenceSections(doc: OpenApiLike, search = ""): ReferenceSection[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const sections = new Map<string, ReferenceOperation[]>();
  for (const { tag, ...op } of operationsOf(doc)) {
    if (!matches(op, words)) continue;
    sections.set(tag, [...(sections.get(tag) ?? []), op]);
  }
  return [...sections].map(([tag, operations]) => ({ tag, operations }));
}
