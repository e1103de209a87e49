// Attacks on templates: patterns that would stall the server, attribute keys that name
// Object.prototype's members, oversized values, and placeholders that try to carry text past
// the feature schemas into what Save creates.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { features, seats } from "../../db/schema";
import {
  createTestAccount,
  rejectionOf,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { InvalidError } from "../errors";
import { insertTestInstance } from "../features/feature-test-fixtures";
import { previewSeat } from "../seats/load-seat-wizard";
import { stashUserForm } from "../seats/stash-user-form";
import {
  chooseSeatTemplate,
  finishSeatTemplate,
  setSeatAttributes,
} from "../seats/update-seat-wizard";
import { createUser } from "../users/create-user";
import type { AttributeDefinition } from "./attribute-types";
import { attributesSchema } from "./attributes-schema";
import { createTemplate } from "./create-template";
import type { TemplateInput } from "./template-schema";

withTestDatabase();

let admin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
});

function attribute(overrides: Partial<AttributeDefinition>): AttributeDefinition {
  return {
    key: "code",
    label: "Code",
    type: "text",
    required: false,
    defaultValue: "",
    pattern: "",
    helpText: "",
    options: [],
    ...overrides,
  };
}

function template(overrides: Partial<TemplateInput>): TemplateInput {
  return {
    name: uniqueName("Template"),
    description: "",
    attributes: [],
    features: [],
    callFlow: [],
    ...overrides,
  };
}

/** Runs `check`, returning how long it took in milliseconds. */
async function timed(check: () => unknown): Promise<number> {
  const started = performance.now();
  await check();
  return performance.now() - started;
}

// Each of these backtracks for seconds to ages on an input a few dozen characters long.
const catastrophic = ["(a+)+", "(a|aa)*", "(\\w+\\s?)*", "\\d*\\d*\\d*\\d*\\d*\\d*!"];

describe("a pattern that backtracks catastrophically", () => {
  it("cannot stall the server through a template's default value", async () => {
    for (const pattern of catastrophic) {
      const defaultValue = `${pattern.startsWith("\\d") ? "1".repeat(60) : "a".repeat(40)}!x`;
      const elapsed = await timed(async () => {
        const error = await rejectionOf(
          createTemplate({
            actor: admin,
            input: template({ attributes: [attribute({ pattern, defaultValue })] }),
          }),
        );
        expect(error).toBeInstanceOf(InvalidError);
        expect((error as InvalidError).fieldErrors["attributes.0.defaultValue"]).toMatch(
          /too long to check/,
        );
      });
      // Unbounded, each of these runs for hours; bounded, for the limit (plus a busy machine).
      expect(elapsed).toBeLessThan(5000);
    }
  });

  it("cannot stall the server through a value typed in the wizard", async () => {
    const definitions = [attribute({ pattern: "(a+)+" })];
    const elapsed = await timed(() => {
      const parsed = attributesSchema(definitions).safeParse({ code: `${"a".repeat(40)}!` });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/Code.*too long to check/);
    });
    expect(elapsed).toBeLessThan(5000);
    // The same pattern still checks ordinary values.
    expect(attributesSchema(definitions).safeParse({ code: "aaaa" }).success).toBe(true);
    expect(attributesSchema(definitions).safeParse({ code: "ab" }).success).toBe(false);
  });
});

describe("attribute keys", () => {
  it("naming Object.prototype's members are ordinary keys, resolved like any other", async () => {
    const keys = ["constructor", "toString", "valueOf", "hasOwnProperty"];
    const created = await createTemplate({
      actor: admin,
      input: template({
        attributes: keys.map((key) => attribute({ key, label: key, required: true })),
        features: [
          {
            kind: "device",
            source: "create",
            fields: {
              name: "{{constructor}}-{{toString}}",
              deviceKind: "softphone",
              model: "{{valueOf}}{{hasOwnProperty}}",
            },
          },
        ],
      }),
    });
    const parsed = attributesSchema(created.attributes).safeParse({
      constructor: "c",
      toString: "t",
      valueOf: "v",
      hasOwnProperty: "h",
    });
    expect(parsed.success).toBe(true);
    const missing = attributesSchema(created.attributes).safeParse({});
    expect(missing.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([...keys].sort());

    const instance = await insertTestInstance(admin.accountId);
    const draftId = await stashUserForm({
      actor: admin,
      values: { userName: "proto" },
      wizard: { instanceId: instance.id, step: "template" },
    });
    await chooseSeatTemplate({ actor: admin, draftId, templateId: created.id });
    await setSeatAttributes({ actor: admin, draftId, attributes: parsed.data! });
    const { plan } = await previewSeat({ actor: admin, draftId });
    expect(plan.problems).toEqual([]);
    expect(plan.features[0]).toMatchObject({
      source: "create",
      input: { name: "c-t", model: "vh" },
    });
  });

  it("refuses __proto__ and keys that are not identifiers", async () => {
    for (const key of ["__proto__", "Constructor", "a.b", "a b"]) {
      const error = await rejectionOf(
        createTemplate({ actor: admin, input: template({ attributes: [attribute({ key })] }) }),
      );
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).fieldErrors["attributes.0.key"]).toMatch(/key/);
    }
  });
});

describe("placeholders", () => {
  it("resolve into fields the feature schema checks again, so an attribute cannot widen them", async () => {
    // A text attribute repeated in a name would make it far longer than a name may be; a
    // placeholder in a PIN could carry letters; one in members could name any id.
    const created = await createTemplate({
      actor: admin,
      input: template({
        attributes: [attribute({ key: "word", label: "Word" })],
        features: [
          {
            kind: "conference_room",
            source: "create",
            fields: {
              name: "{{word}}{{word}}{{word}}{{word}}",
              extension: "{{word}}",
              pin: "{{word}}",
              maxParticipants: "{{word}}",
            },
          },
          {
            kind: "ring_group",
            source: "create",
            fields: {
              name: "Group",
              extension: "900",
              strategy: "{{word}}",
              members: "{{word}}",
              ringSeconds: "20",
            },
          },
        ],
      }),
    });
    const instance = await insertTestInstance(admin.accountId);
    const userName = uniqueName("wide");
    const draftId = await stashUserForm({
      actor: admin,
      values: { userName },
      wizard: { instanceId: instance.id, step: "template" },
    });
    await chooseSeatTemplate({ actor: admin, draftId, templateId: created.id });
    await setSeatAttributes({ actor: admin, draftId, attributes: { word: "x".repeat(300) } });
    const { plan } = await previewSeat({ actor: admin, draftId });
    expect(plan.problems.join("\n")).toMatch(/name: Use at most 80 characters/);
    expect(plan.problems.join("\n")).toMatch(/extension: Use 1 to 8 digits/);
    expect(plan.problems.join("\n")).toMatch(/pin: Use 4 to 8 digits/);
    expect(plan.problems.join("\n")).toMatch(/members: Choose members from the list/);
    await finishSeatTemplate({ actor: admin, draftId, templateVersion: plan.template.version });
    const error = await rejectionOf(
      createUser({ actor: admin, input: userInput({ userName }), draftId }),
    );
    expect(error.message).toMatch(/Nothing was saved/);
    expect(await getDb().select().from(seats).where(eq(seats.instanceId, instance.id))).toEqual([]);
    expect(
      await getDb().select().from(features).where(eq(features.instanceId, instance.id)),
    ).toEqual([]);
  });

  it("refuses a typed value longer than an attribute may be", () => {
    const parsed = attributesSchema([attribute({})]).safeParse({ code: "x".repeat(501) });
    expect(parsed.error?.issues[0]?.message).toMatch(/at most 500 characters/);
  });
});
