import { describe, expect, it } from "vitest";
import { attributeDefinitionSchema, attributeDefinitionsSchema } from "./attribute-definitions";
import type { AttributeDefinition } from "./attribute-types";

function definition(overrides: Partial<AttributeDefinition> = {}): AttributeDefinition {
  return {
    key: "costCenter",
    label: "Cost center",
    type: "text",
    required: false,
    defaultValue: "",
    pattern: "",
    helpText: "",
    options: [],
    ...overrides,
  };
}

/** The messages the schema gives, by field. */
function problems(input: unknown): Record<string, string> {
  const parsed = attributeDefinitionSchema.safeParse(input);
  if (parsed.success) return {};
  const found: Record<string, string> = {};
  for (const issue of parsed.error.issues) found[issue.path.join(".")] ??= issue.message;
  return found;
}

describe("attributeDefinitionSchema", () => {
  it("accepts a plain text attribute", () => {
    expect(attributeDefinitionSchema.parse(definition())).toEqual(definition());
  });

  it("accepts lowercase identifiers with letters, digits and _ up to 40 characters", () => {
    for (const key of ["a", "voicemailPin", "ring_seconds2", `a${"b".repeat(39)}`]) {
      expect(problems(definition({ key }))).toEqual({});
    }
  });

  it("refuses keys that are not lowercase identifiers", () => {
    for (const key of [
      "VoicemailPin",
      "1pin",
      "_pin",
      "voicemail-pin",
      "pin code",
      `a${"b".repeat(40)}`,
      "clé",
    ]) {
      expect(problems(definition({ key })).key).toMatch(/starts with a lowercase letter/);
    }
    expect(problems(definition({ key: "" })).key).toBe("Enter a key, such as voicemailPin.");
  });

  it("refuses the user's field names as keys, and keys differing from them only in case", () => {
    expect(problems(definition({ key: "email", type: "email" })).key).toBe(
      "{{email}} already names the user's email; choose another key.",
    );
    expect(problems(definition({ key: "firstName" })).key).toMatch(
      /already names the user's firstName/,
    );
    expect(problems(definition({ key: "username" })).key).toBe(
      "username is too close to the user field userName; choose another key.",
    );
  });

  it("keeps the key extension for an extension attribute, which stands for the seat's extension", () => {
    expect(problems(definition({ key: "extension", type: "extension" }))).toEqual({});
    expect(problems(definition({ key: "extension", type: "text" })).key).toBe(
      "The key extension is for an attribute of type Extension (the seat's extension).",
    );
  });

  it("needs a label and a known type", () => {
    expect(problems(definition({ label: "  " })).label).toBe("Enter a label.");
    expect(problems({ ...definition(), type: "date" }).type).toBe("Choose a type.");
  });

  it("needs at least one option and a default among them for a choice", () => {
    expect(problems(definition({ type: "choice" })).options).toBe(
      "Enter at least one option, separated by commas.",
    );
    expect(
      problems(definition({ type: "choice", options: ["Sales", "Support"] })).defaultValue,
    ).toBe("Choose a default that is one of the options.");
    expect(
      problems(
        definition({ type: "choice", options: ["Sales", "Support"], defaultValue: "Billing" }),
      ).defaultValue,
    ).toBe("Choose a default that is one of the options.");
    expect(
      problems(definition({ type: "choice", options: ["Sales", "sales"], defaultValue: "Sales" }))
        .options,
    ).toBe("Each option may appear only once.");
    expect(
      problems(
        definition({ type: "choice", options: ["Sales", "Support"], defaultValue: "Support" }),
      ),
    ).toEqual({});
  });

  it("refuses options on an attribute that is not a choice", () => {
    expect(problems(definition({ options: ["a"] })).options).toMatch(
      /Only a choice attribute has options/,
    );
  });

  it("refuses a pattern that does not compile as a Unicode regular expression", () => {
    expect(problems(definition({ pattern: "(\\d" })).pattern).toMatch(
      /^The pattern is not a valid regular expression/,
    );
    // Valid without the u flag, an error with it: stray escapes do not silently mean letters.
    expect(problems(definition({ pattern: "\\q" })).pattern).toMatch(
      /not a valid regular expression/,
    );
  });

  it("refuses a pattern that would escape its anchors", () => {
    expect(problems(definition({ pattern: "a)|(b" })).pattern).toMatch(
      /not a valid regular expression/,
    );
  });

  it("refuses patterns longer than 200 characters", () => {
    expect(problems(definition({ pattern: "a".repeat(201) })).pattern).toBe(
      "Use a pattern of at most 200 characters.",
    );
    expect(problems(definition({ pattern: "a".repeat(200) }))).toEqual({});
  });

  it("needs the default to match the pattern, as a whole", () => {
    const pin = { pattern: "\\d{4,8}", helpText: "4 to 8 digits", label: "Voicemail PIN" };
    expect(problems(definition({ ...pin, defaultValue: "12a4" })).defaultValue).toBe(
      "The default does not fit: Voicemail PIN: 4 to 8 digits.",
    );
    expect(problems(definition({ ...pin, defaultValue: "123456789" })).defaultValue).toMatch(
      /does not fit/,
    );
    expect(problems(definition({ ...pin, defaultValue: "1234" }))).toEqual({});
  });

  it("needs a number default to be a number", () => {
    expect(problems(definition({ type: "number", defaultValue: "twenty" })).defaultValue).toBe(
      "The default does not fit: Cost center must be a number, such as 20.",
    );
    expect(
      attributeDefinitionSchema.parse(definition({ type: "number", defaultValue: "020" }))
        .defaultValue,
    ).toBe("20");
  });

  it("needs email, phone number and extension defaults valid for their type", () => {
    expect(
      problems(definition({ type: "email", defaultValue: "not-an-email" })).defaultValue,
    ).toMatch(/valid email address/);
    expect(problems(definition({ type: "phone_number", defaultValue: "12" })).defaultValue).toMatch(
      /valid phone number/,
    );
    expect(problems(definition({ type: "extension", defaultValue: "12a" })).defaultValue).toBe(
      "The default does not fit: Cost center: use 1 to 8 digits.",
    );
  });

  it("stores a phone number default in E.164", () => {
    const parsed = attributeDefinitionSchema.parse(
      definition({ type: "phone_number", defaultValue: "(212) 555-0100" }),
    );
    expect(parsed.defaultValue).toBe("+12125550100");
  });

  it("reports every problem of a definition at once", () => {
    expect(
      Object.keys(problems(definition({ label: "", pattern: "(", key: "Bad" }))).sort(),
    ).toEqual(["key", "label", "pattern"]);
  });
});

describe("attributeDefinitionsSchema", () => {
  it("refuses a key used twice, ignoring case, on the later row", () => {
    const parsed = attributeDefinitionsSchema.safeParse([
      definition({ key: "site" }),
      definition({ key: "room" }),
      definition({ key: "site" }),
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: [2, "key"],
        message: "Attribute 1 already uses the key site.",
      }),
    ]);
    expect(
      attributeDefinitionsSchema.safeParse([
        definition({ key: "siteA" }),
        definition({ key: "sitea" }),
      ]).success,
    ).toBe(false);
  });
});

describe("a definition missing its key", () => {
  it("still has its other problems reported", () => {
    const parsed = attributeDefinitionSchema.safeParse(definition({ key: "", pattern: "(" }));
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["key", "pattern"]);
  });
});
