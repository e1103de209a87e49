import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as templateRoute from "../../../app/api/v1/templates/[id]/route";
import * as templatesRoute from "../../../app/api/v1/templates/route";
import { getDb } from "../../../db/client";
import { accountActivity, seats } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { createTestAccount, uniqueName } from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { insertTestInstance, insertTestSeat } from "../../features/feature-test-fixtures";

withTestDatabase();

let admin: Actor;
let token: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ token } = await insertApiToken(admin, { name: "Template sync" }));
});

const path = (id: string) => `/api/v1/templates/${id}`;

/** A template as a client writes it: optional parts of attributes and features left out. */
const newTemplateBody = () => ({
  name: uniqueName("Sales desk"),
  description: "A desk phone line for sales.",
  attributes: [
    { key: "extension", label: "Extension", type: "extension", required: true },
    {
      key: "voicemailPin",
      label: "Voicemail PIN",
      type: "text",
      required: true,
      pattern: "\\d{4,8}",
      helpText: "4 to 8 digits",
    },
    { key: "team", label: "Team", type: "choice", options: ["East", "West"], defaultValue: "East" },
  ],
  features: [
    { kind: "device", fields: { name: "{{firstName}} softphone", deviceKind: "softphone" } },
    {
      kind: "voicemail_box",
      fields: { mailboxNumber: "{{extension}}", pin: "{{voicemailPin}}" },
    },
  ],
  callFlow: [
    { type: "ring_devices", value: "20" },
    { type: "forward", value: "+1 212 555 0100" },
    { type: "voicemail" },
  ],
});

async function createTemplate(body: Record<string, unknown> = newTemplateBody()) {
  const created = await callApi(templatesRoute.POST, "POST", "/api/v1/templates", {
    token,
    body,
  });
  expect(created.status).toBe(201);
  return created;
}

describe("POST /api/v1/templates", () => {
  it("creates version 1 with setup attributes, features and call flow as the form stores them", async () => {
    const body = newTemplateBody();
    const created = await createTemplate(body);
    expect(created.json).toMatchObject({
      name: body.name,
      version: 1,
      seatCount: 0,
      seatsFromOlderVersions: 0,
    });
    expect(created.json.attributes[2]).toEqual({
      key: "team",
      label: "Team",
      type: "choice",
      required: false,
      defaultValue: "East",
      pattern: "",
      helpText: "",
      options: ["East", "West"],
    });
    expect(created.json.features[0]).toEqual({
      kind: "device",
      source: "create",
      fields: { name: "{{firstName}} softphone", deviceKind: "softphone" },
    });
    // A literal forward number is stored in E.164, as the seat will hold it.
    expect(created.json.callFlow).toEqual([
      { type: "ring_devices", value: "20" },
      { type: "forward", value: "+12125550100" },
      { type: "voicemail", value: "" },
    ]);
    expect(created.headers.get("location")).toBe(path(created.json.id));
    const read = await callApi(templateRoute.GET, "GET", path(created.json.id), {
      token,
      params: { id: created.json.id },
    });
    expect(read.json).toEqual(created.json);
    expect(read.headers.get("etag")).toBe(created.headers.get("etag"));
    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.kind, "template.created"),
          eq(accountActivity.targetLabel, body.name),
        ),
      );
    expect(activity?.actorTokenLabel).toBe("Template sync");
  });

  it("names each problem by its path, as the template form's rules find them", async () => {
    const body = newTemplateBody();
    const refused = await callApi(templatesRoute.POST, "POST", "/api/v1/templates", {
      token,
      body: {
        ...body,
        attributes: [
          ...body.attributes,
          { key: "Bad Key", label: "Broken", type: "text", pattern: "(" },
        ],
        features: [...body.features, { kind: "device", fields: { name: "{{nickname}}" } }],
        callFlow: [{ type: "ring_devices", value: "3" }],
      },
    });
    expect(refused.status).toBe(422);
    const fields = refused.json.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "attributes.3.key",
        "attributes.3.pattern",
        "features.2.fields.name",
        "callFlow.0.value",
      ]),
    );
    const placeholder = refused.json.errors.find(
      (error: { field: string }) => error.field === "features.2.fields.name",
    );
    expect(placeholder.message).toContain("{{nickname}}");
  });

  it("refuses unknown fields at any depth, and a name in use with 409", async () => {
    const body = newTemplateBody();
    const nested = await callApi(templatesRoute.POST, "POST", "/api/v1/templates", {
      token,
      body: {
        ...body,
        version: 7,
        attributes: [{ ...body.attributes[0], secret: true }],
      },
    });
    expect(nested.status).toBe(422);
    expect(nested.json.errors).toEqual(
      expect.arrayContaining([
        { field: "version", message: 'Unknown field "version".' },
        { field: "attributes.0.secret", message: 'Unknown field "secret".' },
      ]),
    );
    await createTemplate(body);
    const again = await callApi(templatesRoute.POST, "POST", "/api/v1/templates", {
      token,
      body: { ...newTemplateBody(), name: body.name.toUpperCase() },
    });
    expect(again.status).toBe(409);
    expect(again.json.errors[0].field).toBe("name");
  });

  it("needs Templates: Create", async () => {
    const viewOnly = await insertApiToken(admin, { scopes: ["templates:view"] });
    const refused = await callApi(templatesRoute.POST, "POST", "/api/v1/templates", {
      token: viewOnly.token,
      body: newTemplateBody(),
    });
    expect(refused.status).toBe(403);
    expect(refused.json.permission).toBe("templates:create");
  });
});

describe("GET /api/v1/templates", () => {
  it("lists the account's templates by name with their version and counts", async () => {
    const { admin: owner } = await createTestAccount();
    const own = await insertApiToken(owner);
    for (const name of ["Zulu", "alpha"]) {
      await callApi(templatesRoute.POST, "POST", "/api/v1/templates", {
        token: own.token,
        body: { ...newTemplateBody(), name },
      });
    }
    const list = await callApi(templatesRoute.GET, "GET", "/api/v1/templates", {
      token: own.token,
    });
    expect(list.status).toBe(200);
    expect(list.json.nextCursor).toBeNull();
    expect(list.json.data).toEqual([
      {
        id: expect.any(String),
        name: "alpha",
        description: "A desk phone line for sales.",
        version: 1,
        featureCount: 2,
        seatCount: 0,
      },
      expect.objectContaining({ name: "Zulu" }),
    ]);
    const paged = await callApi(templatesRoute.GET, "GET", "/api/v1/templates?limit=1", {
      token: own.token,
    });
    expect(paged.status).toBe(422);
  });
});

describe("PATCH /api/v1/templates/{id}", () => {
  it("raises the version on a change and keeps it when nothing changes, as the editor does", async () => {
    const created = await createTemplate();
    const id = created.json.id;
    const renamed = await callApi(templateRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { description: "Now for support too." },
      headers: { "if-match": created.headers.get("etag")! },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ version: 2, description: "Now for support too." });
    expect(renamed.json.attributes).toEqual(created.json.attributes);
    expect(renamed.json.callFlow).toEqual(created.json.callFlow);

    const same = await callApi(templateRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { description: "Now for support too.", callFlow: created.json.callFlow },
    });
    expect(same.status).toBe(200);
    expect(same.json.version).toBe(2);
    expect(same.headers.get("etag")).toBe(renamed.headers.get("etag"));
  });

  it("replaces a list sent whole, checked against the template's attributes", async () => {
    const created = await createTemplate();
    const id = created.json.id;
    const dropped = await callApi(templateRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { attributes: [{ key: "extension", label: "Extension", type: "extension" }] },
    });
    // The voicemail box still names {{voicemailPin}}: the template would no longer resolve.
    expect(dropped.status).toBe(422);
    expect(dropped.json.errors.map((error: { field: string }) => error.field)).toContain(
      "features.1.fields.pin",
    );
    const replaced = await callApi(templateRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { callFlow: [{ type: "voicemail", value: "" }] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({
      version: 2,
      callFlow: [{ type: "voicemail", value: "" }],
    });
  });

  it("refuses a stale If-Match with 412, and tells seats made from older versions", async () => {
    const created = await createTemplate();
    const id = created.json.id;
    const instance = await insertTestInstance(admin.accountId);
    const { seat } = await insertTestSeat(admin.accountId, instance.id);
    await getDb()
      .update(seats)
      .set({ templateId: id, templateVersion: 1 })
      .where(eq(seats.id, seat.id));
    const stale = await callApi(templateRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { description: "Changed" },
      headers: { "if-match": created.headers.get("etag")! },
    });
    // A seat was made from it since: the representation read is not the current one.
    expect(stale.status).toBe(412);
    const current = await callApi(templateRoute.GET, "GET", path(id), { token, params: { id } });
    expect(current.json).toMatchObject({ seatCount: 1, seatsFromOlderVersions: 0 });
    const changed = await callApi(templateRoute.PATCH, "PATCH", path(id), {
      token,
      params: { id },
      body: { description: "Changed" },
      headers: { "if-match": current.headers.get("etag")! },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ version: 2, seatCount: 1, seatsFromOlderVersions: 1 });
  });

  it("lets exactly one of two writes with the same If-Match through", async () => {
    const created = await createTemplate();
    const id = created.json.id;
    const etag = created.headers.get("etag")!;
    const results = await Promise.all(
      ["First", "Second"].map((description) =>
        callApi(templateRoute.PATCH, "PATCH", path(id), {
          token,
          params: { id },
          body: { description },
          headers: { "if-match": etag },
        }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
    const read = await callApi(templateRoute.GET, "GET", path(id), { token, params: { id } });
    expect(read.json.version).toBe(2);
  });

  it("answers 404 for another account's template", async () => {
    const created = await createTemplate();
    const other = await createTestAccount();
    const otherToken = await insertApiToken(other.admin);
    for (const [handler, method] of [
      [templateRoute.GET, "GET"],
      [templateRoute.PATCH, "PATCH"],
      [templateRoute.DELETE, "DELETE"],
    ] as const) {
      const answer = await callApi(handler, method, path(created.json.id), {
        token: otherToken.token,
        params: { id: created.json.id },
        body: method === "PATCH" ? { name: "Mine" } : undefined,
      });
      expect(answer.status).toBe(404);
    }
  });
});

describe("DELETE /api/v1/templates/{id}", () => {
  it("deletes and answers 204, then 404; seats made from it stay", async () => {
    const created = await createTemplate();
    const id = created.json.id;
    const instance = await insertTestInstance(admin.accountId);
    const { seat } = await insertTestSeat(admin.accountId, instance.id);
    await getDb()
      .update(seats)
      .set({ templateId: id, templateVersion: 1 })
      .where(eq(seats.id, seat.id));
    const deleted = await callApi(templateRoute.DELETE, "DELETE", path(id), {
      token,
      params: { id },
    });
    expect(deleted.status).toBe(204);
    expect(
      (await callApi(templateRoute.GET, "GET", path(id), { token, params: { id } })).status,
    ).toBe(404);
    const [kept] = await getDb().select().from(seats).where(eq(seats.id, seat.id));
    expect(kept).toMatchObject({ templateId: null, templateVersion: 1 });
  });
});
