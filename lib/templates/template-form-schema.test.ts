import { describe, expect, it } from "vitest";
import { standardUserTemplate } from "./standard-user-template";
import { templateFormSchema } from "./template-form-schema";
import {
  flattenFormValues,
  formRowCount,
  templateFormFields,
  withMoreRows,
} from "./template-form-values";
import { templateSchema } from "./template-schema";

const blankAttribute = (index: number) => ({
  [`attributes.${index}.key`]: "",
  [`attributes.${index}.label`]: "",
  [`attributes.${index}.type`]: "text",
  [`attributes.${index}.defaultValue`]: "",
  [`attributes.${index}.pattern`]: "",
  [`attributes.${index}.helpText`]: "",
  [`attributes.${index}.options`]: "",
});

function errors(values: Record<string, unknown>): Record<string, string> {
  const parsed = templateFormSchema.safeParse(values);
  const found: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) found[issue.path.join(".")] ??= issue.message;
  return found;
}

describe("templateFormSchema", () => {
  it("reads the form's flat fields back into the template they came from", () => {
    const fields = templateFormFields(standardUserTemplate);
    expect(templateFormSchema.parse(fields)).toEqual(templateSchema.parse(standardUserTemplate));
  });

  it("ignores blank rows, wherever they are", () => {
    const parsed = templateFormSchema.parse({
      name: "Lobby",
      ...blankAttribute(0),
      "attributes.1.key": "site",
      "attributes.1.label": "Site",
      "attributes.1.type": "choice",
      "attributes.1.required": "on",
      "attributes.1.options": "North, South ,, East",
      "attributes.1.defaultValue": "South",
      ...blankAttribute(2),
      "features.0.kind": "",
      "features.0.source": "create",
      "features.1.kind": "device",
      "features.1.source": "create",
      "features.1.fields.name": "Lobby {{site}}",
      "features.1.fields.model": "",
      "callFlow.0.type": "",
      "callFlow.0.value": "",
      "callFlow.1.type": "ring_devices",
      "callFlow.1.value": "30",
    });
    expect(parsed.attributes).toEqual([
      {
        key: "site",
        label: "Site",
        type: "choice",
        required: true,
        options: ["North", "South", "East"],
        defaultValue: "South",
        pattern: "",
        helpText: "",
      },
    ]);
    expect(parsed.features).toEqual([
      { kind: "device", source: "create", fields: { name: "Lobby {{site}}" } },
    ]);
    expect(parsed.callFlow).toEqual([{ type: "ring_devices", value: "30" }]);
  });

  it("names each problem by the input as rendered, blank rows counted", () => {
    expect(
      errors({
        name: "",
        ...blankAttribute(0),
        ...blankAttribute(1),
        "attributes.2.key": "pin",
        "attributes.2.label": "PIN",
        "attributes.2.pattern": "(\\d",
        "features.0.kind": "",
        "features.1.kind": "device",
        "features.1.fields.name": "{{nickname}}",
        "callFlow.3.type": "ring_devices",
        "callFlow.3.value": "1",
      }),
    ).toEqual({
      name: "Enter a template name.",
      "attributes.2.pattern": expect.stringMatching(
        /^The pattern is not a valid regular expression/,
      ),
      "features.1.fields.name":
        "{{nickname}} in feature 2 (Device), Name: no setup attribute or user field is called nickname.",
      "callFlow.3.value": expect.stringMatching(/^Ring devices: enter 5 to 300 seconds/),
    });
  });

  it("numbers the rows in messages as the form shows them", () => {
    expect(
      errors({
        name: "A",
        ...blankAttribute(0),
        "attributes.1.key": "site",
        "attributes.1.label": "Site",
        ...blankAttribute(2),
        "attributes.3.key": "site",
        "attributes.3.label": "Site again",
      }),
    ).toEqual({ "attributes.3.key": "Attribute 2 already uses the key site." });
  });

  it("asks for the step's type when only a value was typed", () => {
    expect(errors({ name: "A", "callFlow.0.type": "", "callFlow.0.value": "30" })).toEqual({
      "callFlow.0.type": "Choose what the step does.",
    });
  });

  it("reads react-hook-form's nested values the same way, ticked boxes as true", () => {
    const parsed = templateFormSchema.parse({
      name: "Lobby",
      attributes: [
        undefined,
        {
          key: "pin",
          label: "PIN",
          type: "text",
          required: true,
          defaultValue: "",
          pattern: "\\d{4}",
          helpText: "",
          options: "",
        },
      ],
      features: [{ kind: "voicemail_box", source: "create", fields: { pin: "{{pin}}" } }],
      callFlow: [{ type: "voicemail", value: "" }],
    });
    expect(parsed.attributes[0]).toMatchObject({ key: "pin", required: true, pattern: "\\d{4}" });
    expect(parsed.features[0]?.fields).toEqual({ pin: "{{pin}}" });
    expect(errors({ name: "A", attributes: [{ key: "Bad", label: "" }] })).toEqual({
      "attributes.0.key": expect.stringMatching(/^Use a key/),
      "attributes.0.label": "Enter a label.",
    });
  });

  it("ignores row indexes beyond the form's limit", () => {
    expect(
      templateFormSchema.parse({ name: "A", "attributes.999999.key": "x" }).attributes,
    ).toEqual([]);
  });
});

describe("form rows", () => {
  it("offers two blank rows after the filled ones, and keeps rows that were posted", () => {
    const fields = templateFormFields(standardUserTemplate);
    expect(formRowCount(fields, "attributes")).toBe(6);
    expect(formRowCount(fields, "callFlow")).toBe(5);
    expect(formRowCount(templateFormFields(), "features")).toBe(2);
    expect(formRowCount({ ...fields, ...blankAttribute(8) }, "attributes")).toBe(9);
  });

  it("adds three blank rows for More rows, keeping what was typed", () => {
    const fields = templateFormFields(standardUserTemplate);
    const more = withMoreRows(fields, "features");
    expect(formRowCount(more, "features")).toBe(formRowCount(fields, "features") + 3);
    expect(more).toMatchObject(fields);
  });

  it("flattens nested values into input names, nested values winning over stale flat ones", () => {
    expect(
      flattenFormValues({
        "attributes.0.key": "old",
        attributes: [{ key: "new", required: false }],
        features: [{ fields: { name: "x" } }],
      }),
    ).toEqual({
      "attributes.0.key": "new",
      "attributes.0.required": "",
      "features.0.fields.name": "x",
    });
  });
});
