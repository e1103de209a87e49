import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeDefinitionsSchema } from "./attribute-definitions";
import type { AttributeDefinition, AttributeType } from "./attribute-types";
import { attributesSchema } from "./attributes-schema";
import { templateUserFields } from "./user-fields";

const phoneNumbers = [
  "+12125550100",
  "(212) 555-0199",
  "503 555 0199",
  "+44 20 7946 0958",
  "+33 1 42 68 53 00",
  "+61 2 9374 4000",
];

// Text patterns with a generator of the whole values each one matches.
const textPatterns: [string, fc.Arbitrary<string>][] = [
  ["", fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,18}[A-Za-z0-9]$/)],
  ["\\d{4,8}", fc.stringMatching(/^\d{4,8}$/)],
  ["[A-Z]{2,3}-\\d{1,4}", fc.stringMatching(/^[A-Z]{2,3}-\d{1,4}$/)],
  ["[a-z]+(?:\\.[a-z]+)?", fc.stringMatching(/^[a-z]{1,8}(?:\.[a-z]{1,8})?$/)],
];

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,10}$/),
    fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/),
    fc.stringMatching(/^[a-z]{2,6}$/),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

const number = fc
  .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((value) => String(value));

const option = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,10}[A-Za-z0-9]$/);

/** A definition of one type, with a generator of values it accepts. */
type Case = { definition: AttributeDefinition; values: fc.Arbitrary<string> };

function caseOf(
  type: AttributeType,
): fc.Arbitrary<
  Omit<Case, "definition"> & { definition: Omit<AttributeDefinition, "key" | "label" | "required"> }
> {
  const blank = { pattern: "", helpText: "", options: [] as string[] };
  const withDefault = (
    values: fc.Arbitrary<string>,
    rest: Omit<AttributeDefinition, "key" | "label" | "required" | "defaultValue">,
  ) =>
    fc
      .option(values, { nil: "" })
      .map((defaultValue) => ({ definition: { ...rest, defaultValue }, values }));
  switch (type) {
    case "text":
      return fc
        .constantFrom(...textPatterns)
        .chain(([pattern, values]) => withDefault(values, { ...blank, type, pattern }));
    case "number":
      return withDefault(number, { ...blank, type });
    case "extension":
      return withDefault(fc.stringMatching(/^\d{1,8}$/), { ...blank, type });
    case "email":
      return withDefault(email, { ...blank, type });
    case "phone_number":
      return withDefault(fc.constantFrom(...phoneNumbers), { ...blank, type });
    case "choice":
      return fc
        .uniqueArray(option, {
          minLength: 1,
          maxLength: 6,
          selector: (value) => value.toLowerCase(),
        })
        .chain((options) =>
          fc.constantFrom(...options).map((defaultValue) => ({
            definition: { ...blank, type, options, defaultValue },
            values: fc.constantFrom(...options),
          })),
        );
  }
}

const reserved = new Set(templateUserFields.map((field) => field.toLowerCase()));
const key = fc
  .stringMatching(/^[a-z][a-zA-Z0-9_]{0,39}$/)
  .filter((value) => !reserved.has(value.toLowerCase()));

const cases: fc.Arbitrary<Case[]> = fc
  .uniqueArray(key, { minLength: 1, maxLength: 8, selector: (value) => value.toLowerCase() })
  .chain((keys) =>
    fc.tuple(
      ...keys.map((attributeKey, index) =>
        fc
          .tuple(
            fc.constantFrom<AttributeType>(
              "text",
              "number",
              "choice",
              "phone_number",
              "extension",
              "email",
            ),
            fc.boolean(),
          )
          .chain(([type, required]) =>
            caseOf(type).map(({ definition, values }) => ({
              definition: {
                ...definition,
                key: attributeKey,
                label: `Attribute ${index + 1}`,
                required,
              },
              values,
            })),
          ),
      ),
    ),
  );

/** Definitions as a saved template holds them (defaults normalized), with a value for each. */
const filledIn = cases.chain((list) =>
  fc.tuple(...list.map((item) => item.values)).map((values) => ({
    definitions: attributeDefinitionsSchema.parse(list.map((item) => item.definition)),
    values: Object.fromEntries(list.map((item, index) => [item.definition.key, values[index]!])),
  })),
);

function expectedValue(definition: AttributeDefinition, typed: string): string {
  if (definition.type === "number") return String(Number(typed));
  return typed;
}

describe("attributesSchema, for any valid definitions", () => {
  it("accepts values made to satisfy them, each stored in its type's form", () => {
    fc.assert(
      fc.property(filledIn, ({ definitions, values }) => {
        const output = attributesSchema(definitions).parse(values);
        for (const definition of definitions) {
          const stored = output[definition.key]!;
          if (definition.type === "phone_number") expect(stored).toMatch(/^\+[1-9]\d{6,14}$/);
          else expect(stored).toBe(expectedValue(definition, values[definition.key]!));
        }
      }),
    );
  });

  it("refuses a missing required value under its own key", () => {
    const withRequired = filledIn.filter(({ definitions }) =>
      definitions.some((item) => item.required),
    );
    fc.assert(
      fc.property(withRequired, fc.nat(), fc.boolean(), ({ definitions, values }, pick, absent) => {
        const required = definitions.filter((item) => item.required);
        const target = required[pick % required.length]!;
        const input: Record<string, string> = { ...values };
        if (absent) delete input[target.key];
        else input[target.key] = "";
        const parsed = attributesSchema(definitions).safeParse(input);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues).toEqual([
          expect.objectContaining({ path: [target.key], message: `Enter ${target.label}.` }),
        ]);
      }),
    );
  });

  it("gives an empty optional value its default", () => {
    const withOptional = filledIn.filter(({ definitions }) =>
      definitions.some((item) => !item.required),
    );
    fc.assert(
      fc.property(withOptional, fc.nat(), ({ definitions, values }, pick) => {
        const optional = definitions.filter((item) => !item.required);
        const target = optional[pick % optional.length]!;
        const output = attributesSchema(definitions).parse({ ...values, [target.key]: "  " });
        expect(output[target.key]).toBe(target.defaultValue);
      }),
    );
  });

  it("refuses a choice outside its options", () => {
    const withChoice = filledIn.filter(({ definitions }) =>
      definitions.some((item) => item.type === "choice"),
    );
    fc.assert(
      fc.property(withChoice, fc.nat(), option, ({ definitions, values }, pick, other) => {
        const choices = definitions.filter((item) => item.type === "choice");
        const target = choices[pick % choices.length]!;
        fc.pre(!target.options.includes(other.trim()));
        const parsed = attributesSchema(definitions).safeParse({ ...values, [target.key]: other });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues).toEqual([
          expect.objectContaining({
            path: [target.key],
            message: `${target.label} must be one of: ${target.options.join(", ")}.`,
          }),
        ]);
      }),
    );
  });
});
