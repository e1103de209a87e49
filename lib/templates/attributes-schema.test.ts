import { describe, expect, it } from "vitest";
import type { AttributeDefinition } from "./attribute-types";
import { attributeDefaults, attributesSchema } from "./attributes-schema";
import { standardUserTemplate } from "./standard-user-template";

const definitions = standardUserTemplate.attributes as AttributeDefinition[];
const schema = attributesSchema(definitions);

function attribute(overrides: Partial<AttributeDefinition>): AttributeDefinition {
  return {
    key: "value",
    label: "Value",
    type: "text",
    required: false,
    defaultValue: "",
    pattern: "",
    helpText: "",
    options: [],
    ...overrides,
  };
}

function errors(input: Record<string, unknown>, using = schema): Record<string, string> {
  const parsed = using.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(
    parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
  );
}

describe("attributesSchema", () => {
  it("parses the Standard User form, filling defaults and normalizing values", () => {
    expect(
      schema.parse({
        extension: " 204 ",
        voicemailPin: "1234",
        ringSeconds: "",
        forwardNumber: "(212) 555-0100",
      }),
    ).toEqual({
      extension: "204",
      voicemailPin: "1234",
      ringSeconds: "20",
      forwardNumber: "+12125550100",
    });
  });

  it("gives an empty optional value without a default as empty text", () => {
    expect(schema.parse({ extension: "204", voicemailPin: "1234" }).forwardNumber).toBe("");
  });

  it("says which required value is missing", () => {
    expect(errors({ extension: "", voicemailPin: "  " })).toEqual({
      extension: "Enter Extension.",
      voicemailPin: "Enter Voicemail PIN.",
    });
  });

  it("matches the pattern against the whole value, with the help text as the message", () => {
    expect(errors({ extension: "204", voicemailPin: "12345678901" })).toEqual({
      voicemailPin: "Voicemail PIN: 4 to 8 digits.",
    });
    expect(errors({ extension: "204", voicemailPin: "pin 1234" }).voicemailPin).toBeDefined();
  });

  it("names the pattern when there is no help text", () => {
    const code = attributesSchema([attribute({ label: "Code", pattern: "[A-Z]{3}" })]);
    expect(errors({ value: "abc" }, code)).toEqual({
      value: "Code must match the pattern [A-Z]{3}.",
    });
    expect(code.parse({ value: "ABC" })).toEqual({ value: "ABC" });
  });

  it("needs a finite number for a number and stores its plain form", () => {
    expect(errors({ extension: "204", voicemailPin: "1234", ringSeconds: "abc" })).toEqual({
      ringSeconds: "Ring seconds must be a number, such as 20.",
    });
    for (const bad of ["1e999", "0x10", "Infinity", "1,5", "--1"]) {
      expect(
        errors({ extension: "204", voicemailPin: "1234", ringSeconds: bad }).ringSeconds,
      ).toBeDefined();
    }
    expect(
      schema.parse({ extension: "204", voicemailPin: "1234", ringSeconds: "030.50" }).ringSeconds,
    ).toBe("30.5");
  });

  it("needs a choice to be one of its options, exactly", () => {
    const team = attributesSchema([
      attribute({
        key: "team",
        label: "Team",
        type: "choice",
        options: ["Sales", "Support"],
        defaultValue: "Sales",
      }),
    ]);
    expect(team.parse({ team: "Support" })).toEqual({ team: "Support" });
    expect(team.parse({ team: "" })).toEqual({ team: "Sales" });
    expect(errors({ team: "sales" }, team)).toEqual({
      team: "Team must be one of: Sales, Support.",
    });
  });

  it("checks phone numbers, extensions and emails as the user form does", () => {
    expect(errors({ extension: "12a", voicemailPin: "1234", forwardNumber: "555" })).toEqual({
      extension: "Extension: use 1 to 8 digits.",
      forwardNumber: "Forward number: enter a valid phone number, such as +1 212 555 0100.",
    });
    const email = attributesSchema([attribute({ key: "mail", label: "Notify", type: "email" })]);
    expect(errors({ mail: "someone@" }, email)).toEqual({
      mail: "Notify must be a valid email address, such as ann@example.com.",
    });
    expect(email.parse({ mail: "ann@example.com" })).toEqual({ mail: "ann@example.com" });
  });

  it("ignores fields that are not attributes and treats a missing value as empty", () => {
    expect(schema.parse({ extension: "204", voicemailPin: "1234", other: "x" })).not.toHaveProperty(
      "other",
    );
    expect(errors({})).toHaveProperty("extension", "Enter Extension.");
  });

  it("refuses values longer than 500 characters", () => {
    const notes = attributesSchema([attribute({ label: "Notes" })]);
    expect(errors({ value: "x".repeat(501) }, notes)).toEqual({
      value: "Notes must be at most 500 characters.",
    });
  });
});

describe("attributeDefaults", () => {
  it("starts the form from each attribute's default", () => {
    expect(attributeDefaults(definitions)).toEqual({
      extension: "",
      voicemailPin: "",
      ringSeconds: "20",
      forwardNumber: "",
    });
  });
});
