import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity, instances, seats, templates } from "../../db/schema";
import {
  createTestAccount,
  createTestUser,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import type { PermissionKey } from "../auth/modules";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../errors";
import { createTemplate } from "./create-template";
import { deleteTemplate } from "./delete-template";
import { getTemplate } from "./get-template";
import { listTemplates } from "./list-templates";
import { createStandardUserTemplate, standardUserTemplate } from "./standard-user-template";
import type { TemplateInput } from "./template-schema";
import { updateTemplate } from "./update-template";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;
let user: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  ({ actor: user } = await createTestUser(admin));
});

function input(overrides: Partial<TemplateInput> = {}): TemplateInput {
  return { ...standardUserTemplate, name: uniqueName("Template"), ...overrides };
}

function withGrants(actor: Actor, keys: PermissionKey[]): Actor {
  return { ...actor, grants: new Map(keys.map((key) => [key, ["Template editors"]])) };
}

async function activityKinds(name: string) {
  const rows = await getDb()
    .select({ kind: accountActivity.kind })
    .from(accountActivity)
    .where(
      and(eq(accountActivity.accountId, admin.accountId), eq(accountActivity.targetLabel, name)),
    )
    .orderBy(accountActivity.id);
  return rows.map((row) => row.kind);
}

/** Seats made from the template at the given versions, one user each. */
async function insertSeats(template: { id: string; accountId: string }, versions: number[]) {
  const [instance] = await getDb()
    .insert(instances)
    .values({ accountId: template.accountId, name: uniqueName("Instance"), region: "us-east" })
    .returning();
  const people = await insertTestUsers(
    template.accountId,
    versions.map(() => ({ userName: uniqueName("seat") })),
  );
  return getDb()
    .insert(seats)
    .values(
      versions.map((version, index) => ({
        accountId: template.accountId,
        instanceId: instance!.id,
        userId: people[index]!.id,
        templateId: template.id,
        templateVersion: version,
      })),
    )
    .returning();
}

describe("templates", () => {
  it("creates a template at version 1 and records it", async () => {
    const created = await createTemplate({ actor: admin, input: input() });
    expect(created).toMatchObject({ version: 1, accountId: admin.accountId });
    expect(created.features).toHaveLength(3);
    expect(await activityKinds(created.name)).toEqual(["template.created"]);
  });

  it("raises the version by one on each edit that changes something, and only then", async () => {
    const created = await createTemplate({ actor: admin, input: input() });
    const same = await updateTemplate({
      actor: admin,
      templateId: created.id,
      input: { ...standardUserTemplate, name: created.name },
    });
    expect(same.version).toBe(1);
    const edited = await updateTemplate({
      actor: admin,
      templateId: created.id,
      input: { ...standardUserTemplate, name: created.name, description: "Now with a note" },
    });
    expect(edited).toMatchObject({ version: 2, description: "Now with a note" });
    const again = await updateTemplate({
      actor: admin,
      templateId: created.id,
      input: {
        ...standardUserTemplate,
        name: created.name,
        description: "Now with a note",
        callFlow: [],
      },
    });
    expect(again.version).toBe(3);
    expect(await activityKinds(created.name)).toEqual([
      "template.created",
      "template.updated",
      "template.updated",
    ]);
  });

  it("refuses to overwrite a template saved by someone else since the editor opened it", async () => {
    const created = await createTemplate({ actor: admin, input: input() });
    await updateTemplate({
      actor: admin,
      templateId: created.id,
      input: { ...input(), name: created.name, description: "first" },
    });
    const error = await rejectionOf(
      updateTemplate({
        actor: admin,
        templateId: created.id,
        input: { ...input(), name: created.name, description: "second" },
        expectedVersion: 1,
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/it is now version 2/);
  });

  it("keeps template names unique per account, ignoring case", async () => {
    const name = uniqueName("Reception");
    await createTemplate({ actor: admin, input: input({ name }) });
    const error = await rejectionOf(
      createTemplate({ actor: admin, input: input({ name: name.toUpperCase() }) }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("A template with this name already exists.");
    expect((error as ConflictError).field).toBe("name");
    const other = await createTemplate({ actor: admin, input: input() });
    expect(
      await rejectionOf(
        updateTemplate({ actor: admin, templateId: other.id, input: input({ name }) }),
      ),
    ).toBeInstanceOf(ConflictError);
    await expect(
      createTemplate({ actor: otherAdmin, input: input({ name }) }),
    ).resolves.toMatchObject({ name });
  });

  it("refuses a placeholder that names no attribute, saying which and where", async () => {
    const error = await rejectionOf(
      createTemplate({
        actor: admin,
        input: input({
          features: [
            { kind: "device", source: "create", fields: { name: "{{firstName}} {{deskNumber}}" } },
            ...standardUserTemplate.features.slice(1),
          ],
        }),
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.message).toBe(
      "The template cannot be saved: {{deskNumber}} in feature 1 (Device), Name: no setup attribute or user field is called deskNumber.",
    );
    expect((error as InvalidError).fieldErrors).toEqual({
      "features.0.fields.name": expect.stringContaining("{{deskNumber}}"),
    });
  });

  it("takes only phone numbers and devices from the spares", async () => {
    const error = await rejectionOf(
      createTemplate({
        actor: admin,
        input: input({
          features: [
            ...standardUserTemplate.features,
            { kind: "conference_room", source: "spare", fields: {} },
          ],
        }),
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).fieldErrors).toEqual({
      "features.3.source":
        "Only phone numbers and devices can be taken from the spares; a conference room is created.",
    });
  });

  it("refuses each action to those without its permission, naming it", async () => {
    const created = await createTemplate({ actor: admin, input: input() });
    expect((await rejectionOf(listTemplates({ actor: user }))).message).toBe(
      "You need Templates: View.",
    );
    expect((await rejectionOf(getTemplate({ actor: user, templateId: created.id }))).message).toBe(
      "You need Templates: View.",
    );
    const viewer = withGrants(user, ["templates:view"]);
    await expect(getTemplate({ actor: viewer, templateId: created.id })).resolves.toMatchObject({
      id: created.id,
    });
    for (const [attempt, permission] of [
      [createTemplate({ actor: viewer, input: input() }), "Create"],
      [updateTemplate({ actor: viewer, templateId: created.id, input: input() }), "Edit"],
      [deleteTemplate({ actor: viewer, templateId: created.id }), "Delete"],
    ] as const) {
      const error = await rejectionOf(attempt);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe(`You need Templates: ${permission}.`);
    }
    const editor = withGrants(user, ["templates:view", "templates:edit"]);
    await expect(
      updateTemplate({
        actor: editor,
        templateId: created.id,
        input: { ...input(), name: created.name, description: "x" },
      }),
    ).resolves.toMatchObject({ version: 2 });
  });

  it("keeps each account's templates to itself", async () => {
    const created = await createTemplate({ actor: admin, input: input() });
    // One at a time: a refusal nobody awaits yet is reported as unhandled.
    for (const attempt of [
      () => getTemplate({ actor: otherAdmin, templateId: created.id }),
      () => updateTemplate({ actor: otherAdmin, templateId: created.id, input: input() }),
      () => deleteTemplate({ actor: otherAdmin, templateId: created.id }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    }
    expect((await listTemplates({ actor: otherAdmin })).map((row) => row.id)).not.toContain(
      created.id,
    );
    expect(
      await rejectionOf(getTemplate({ actor: admin, templateId: "not-a-uuid" })),
    ).toBeInstanceOf(NotFoundError);
  });

  it("counts the seats made from a template and those made from older versions", async () => {
    const created = await createTemplate({ actor: admin, input: input() });
    for (const description of ["two", "three"]) {
      await updateTemplate({
        actor: admin,
        templateId: created.id,
        input: { ...input(), name: created.name, description },
      });
    }
    await insertSeats(created, [1, 2, 3, 3]);
    const other = await createTemplate({ actor: admin, input: input() });
    await insertSeats(other, [1]);
    expect(await getTemplate({ actor: admin, templateId: created.id })).toMatchObject({
      version: 3,
      seatCount: 4,
      seatsFromOlderVersions: 2,
    });
    const row = (await listTemplates({ actor: admin })).find((item) => item.id === created.id);
    expect(row).toMatchObject({ version: 3, seatCount: 4, featureCount: 3 });
  });

  it("lists the account's templates by name, ignoring case", async () => {
    const { admin: fresh } = await createTestAccount();
    for (const name of ["beta", "Alpha", "gamma"]) {
      await createTemplate({ actor: fresh, input: input({ name }) });
    }
    expect((await listTemplates({ actor: fresh })).map((row) => row.name)).toEqual([
      "Alpha",
      "beta",
      "gamma",
    ]);
  });

  it("deletes a template; its seats keep their version and lose only the link", async () => {
    const created = await createTemplate({ actor: admin, input: input() });
    const [seat] = await insertSeats(created, [1]);
    await deleteTemplate({ actor: admin, templateId: created.id });
    const [after] = await getDb().select().from(seats).where(eq(seats.id, seat!.id));
    expect(after).toMatchObject({ templateId: null, templateVersion: 1 });
    expect(await rejectionOf(getTemplate({ actor: admin, templateId: created.id }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await activityKinds(created.name)).toEqual(["template.created", "template.deleted"]);
  });
});

describe("createStandardUserTemplate", () => {
  it("adds the Standard User template once per account", async () => {
    const { admin: fresh } = await createTestAccount();
    const first = await createStandardUserTemplate(getDb(), { accountId: fresh.accountId });
    const second = await getDb().transaction((tx) =>
      createStandardUserTemplate(tx, { accountId: fresh.accountId }),
    );
    expect(second.id).toBe(first.id);
    const rows = await getDb()
      .select()
      .from(templates)
      .where(eq(templates.accountId, fresh.accountId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: "Standard User",
      version: 1,
      callFlow: [
        { type: "ring_devices", value: "{{ringSeconds}}" },
        { type: "forward", value: "{{forwardNumber}}" },
        { type: "voicemail", value: "" },
      ],
    });
    expect(rows[0]!.attributes.map((attribute) => attribute.key)).toEqual([
      "extension",
      "voicemailPin",
      "ringSeconds",
      "forwardNumber",
    ]);
  });
});
