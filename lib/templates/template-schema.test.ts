import { describe, expect, it } from "vitest";
import { standardUserTemplate } from "./standard-user-template";
import { type TemplateInput, templateSchema } from "./template-schema";

/** The Standard User template, renamed; replacing its features drops its call flow too. */
function template(overrides: Partial<TemplateInput> = {}): TemplateInput {
  const callFlow = overrides.features ? [] : standardUserTemplate.callFlow;
  return { ...standardUserTemplate, name: "Desk", callFlow, ...overrides };
}

/** The first message for each path ("features.0.fields.name"). */
function problems(input: TemplateInput): Record<string, string> {
  const parsed = templateSchema.safeParse(input);
  const found: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) found[issue.path.join(".")] ??= issue.message;
  return found;
}

describe("templateSchema", () => {
  it("accepts the Standard User template and leaves out empty feature fields", () => {
    const parsed = templateSchema.parse(
      template({
        features: [{ kind: "device", source: "create", fields: { name: "Desk", model: " " } }],
      }),
    );
    expect(parsed.features).toEqual([
      { kind: "device", source: "create", fields: { name: "Desk" } },
    ]);
    expect(problems(standardUserTemplate)).toEqual({});
  });

  it("needs a name", () => {
    expect(problems(template({ name: " " }))).toEqual({ name: "Enter a template name." });
  });

  it("refuses an unknown feature kind", () => {
    expect(
      problems(template({ features: [{ kind: "pager", source: "create", fields: {} }] })),
    ).toEqual({
      "features.0.kind": "Unknown feature kind pager.",
    });
  });

  it("refuses field names the kind does not have", () => {
    expect(
      problems(
        template({ features: [{ kind: "device", source: "create", fields: { pin: "1234" } }] }),
      ),
    ).toEqual({ "features.0.fields.pin": "A device has no field PIN (pin); clear it." });
  });

  it("takes only phone numbers and devices from the spares", () => {
    expect(
      problems(template({ features: [{ kind: "device", source: "spare", fields: {} }] })),
    ).toEqual({});
    expect(
      problems(
        template({
          features: [
            ...standardUserTemplate.features,
            { kind: "ring_group", source: "spare", fields: {} },
          ],
        }),
      ),
    ).toEqual({
      "features.3.source":
        "Only phone numbers and devices can be taken from the spares; a ring group is created.",
    });
  });

  it("refuses a placeholder that names no attribute or user field, saying where it is", () => {
    expect(
      problems(
        template({
          features: [
            { kind: "device", source: "create", fields: { name: "{{firstName}} {{nickname}}" } },
            ...standardUserTemplate.features.slice(1),
          ],
        }),
      ),
    ).toEqual({
      "features.0.fields.name":
        "{{nickname}} in feature 1 (Device), Name: no setup attribute or user field is called nickname.",
    });
    expect(problems(template({ callFlow: [{ type: "forward", value: "{{mobile}}" }] }))).toEqual({
      "callFlow.0.value":
        "{{mobile}} in call flow step 1 (Forward): no setup attribute or user field is called mobile.",
    });
  });

  it("refuses braces that do not form a placeholder", () => {
    const found = problems(
      template({
        features: [{ kind: "device", source: "create", fields: { name: "{{first name}}" } }],
      }),
    );
    expect(found["features.0.fields.name"]).toMatch(/"\{\{first name\}\}" is not a placeholder/);
  });

  it("accepts the user's fields and the template's attributes as placeholders", () => {
    expect(
      problems(
        template({
          features: [
            {
              kind: "voicemail_box",
              source: "create",
              fields: {
                mailboxNumber: "{{extension}}",
                notificationEmail: "{{email}}",
                pin: "{{voicemailPin}}",
              },
            },
          ],
        }),
      ),
    ).toEqual({});
  });

  it("rings devices for 5 to 300 seconds, or as long as a placeholder says", () => {
    const ring = (value: string) =>
      problems(template({ callFlow: [{ type: "ring_devices", value }] }));
    expect(ring("5")).toEqual({});
    expect(ring("300")).toEqual({});
    expect(ring("{{ringSeconds}}")).toEqual({});
    for (const bad of ["4", "301", "20s", "", "1.5", "{{ringSeconds}} s"]) {
      expect(ring(bad)["callFlow.0.value"]).toMatch(/^Ring devices: enter 5 to 300 seconds/);
    }
  });

  it("forwards to a phone number, stored in E.164, or to a placeholder", () => {
    const parsed = templateSchema.parse(
      template({ callFlow: [{ type: "forward", value: "(212) 555-0100" }] }),
    );
    expect(parsed.callFlow).toEqual([{ type: "forward", value: "+12125550100" }]);
    expect(
      problems(template({ callFlow: [{ type: "forward", value: "" }] }))["callFlow.0.value"],
    ).toMatch(/^Forward: enter a phone number/);
    expect(
      problems(template({ callFlow: [{ type: "forward", value: "12" }] }))["callFlow.0.value"],
    ).toMatch(/^Forward: enter a phone number/);
  });

  it("needs a ring group's name", () => {
    expect(problems(template({ callFlow: [{ type: "ring_group", value: "" }] }))).toEqual({
      "callFlow.0.value": "Ring group: enter the name of a ring group of the instance.",
    });
    expect(problems(template({ callFlow: [{ type: "ring_group", value: "Sales" }] }))).toEqual({});
  });

  it("ends at the template's voicemail box, which it must create, or at a named mailbox", () => {
    const noBox = template({ features: [], callFlow: [{ type: "voicemail", value: "" }] });
    expect(problems(noBox)["callFlow.0.value"]).toMatch(/creates no voicemail box/);
    expect(
      problems({ ...noBox, callFlow: [{ type: "voicemail", value: "{{extension}}" }] }),
    ).toEqual({});
    expect(
      problems({ ...noBox, callFlow: [{ type: "voicemail", value: "200" }] })["callFlow.0.value"],
    ).toMatch(/^Voicemail: leave empty/);
  });

  it("refuses a step of an unknown type", () => {
    const input = template({ callFlow: [{ type: "hang_up" as "voicemail", value: "" }] });
    expect(problems(input)).toEqual({ "callFlow.0.type": "Choose what the step does." });
  });

  it("reports attribute problems by row and field", () => {
    const [first, ...rest] = standardUserTemplate.attributes;
    expect(
      problems(
        template({ attributes: [first!, ...rest, { ...first!, key: "site", pattern: "(" }] }),
      ),
    ).toEqual({
      "attributes.4.pattern": expect.stringMatching(
        /^The pattern is not a valid regular expression/,
      ),
    });
  });
});
