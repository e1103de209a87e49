import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { getDb } from "../../../db/client";
import { apiTokens } from "../../../db/schema";
import { callApi, insertApiToken } from "../../../tests/support/api-client";
import { createTestAccount, createTestUser } from "../../../tests/support/fixtures";
import { withTestDatabase } from "../../../tests/support/test-database";
import type { Actor } from "../../auth/actor";
import { apiPaths, openApiDocument } from "./document";

// Walks the OpenAPI document and calls every operation's route handler: each documented
// operation exists, refuses strangers the same way, and answers in the documented shape.

withTestDatabase();

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
const routeModules = import.meta.glob<Record<string, Handler>>("../../../app/api/v1/**/route.ts", {
  eager: true,
});
const methods = ["get", "post", "put", "patch", "delete"] as const;

/** "/users/{id}/seats" -> the module of app/api/v1/users/[id]/seats/route.ts */
function moduleFor(path: string): Record<string, Handler> | undefined {
  const file = `../../../app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
  return routeModules[file];
}

const operations = Object.entries(apiPaths).flatMap(([path, item]) =>
  methods.flatMap((method) => {
    const op = (item as Record<string, ZodOpenApiOperationObject | undefined>)[method];
    return op ? [{ path, method, op }] : [];
  }),
);

const unknownId = "00000000-0000-4000-8000-000000000000";
const fill = (path: string) => path.replace(/\{\w+\}/g, unknownId);
const paramsOf = (path: string) =>
  Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((match) => [match[1], unknownId]));

async function call(path: string, method: string, token?: string, body?: unknown) {
  const handler = moduleFor(path)?.[method.toUpperCase()];
  if (!handler) throw new Error(`No ${method.toUpperCase()} handler for ${path}`);
  return callApi(handler, method.toUpperCase(), `/api/v1${fill(path)}`, {
    token,
    params: paramsOf(path),
    body: method === "get" || method === "delete" ? undefined : (body ?? {}),
  });
}

let admin: Actor;
let allScopes: string;
let noScopes: string;
let revoked: string;
let expired: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  await createTestUser(admin);
  allScopes = (await insertApiToken(admin)).token;
  noScopes = (await insertApiToken(admin, { scopes: [] })).token;
  const revokedToken = await insertApiToken(admin);
  await getDb()
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(eq(apiTokens.id, revokedToken.id));
  revoked = revokedToken.token;
  expired = (await insertApiToken(admin, { expiresAt: new Date(Date.now() - 1000) })).token;
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a bearer scheme and an operationId on every operation", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ scheme: "bearer" });
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents every route handler under /api/v1, and every documented operation has one", () => {
    const documented = new Set(
      operations.map(({ path, method }) => `${method.toUpperCase()} ${path}`),
    );
    const implemented = Object.entries(routeModules).flatMap(([file, module]) => {
      const path = file
        .replace("../../../app/api/v1", "")
        .replace(/\/route\.ts$/, "")
        .replace(/\[(\w+)\]/g, "{$1}");
      if (path === "/openapi.json") return [];
      return methods
        .map((method) => method.toUpperCase())
        .filter((method) => typeof module[method] === "function")
        .map((method) => `${method} ${path}`);
    });
    expect(new Set(implemented)).toEqual(documented);
  });
});

describe.each(operations)("$method $path", ({ path, method, op }) => {
  it("answers 401 problem+json without a token, and with a revoked or expired one", async () => {
    for (const token of [undefined, revoked, expired]) {
      const answer = await call(path, method, token);
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(answer.json).toMatchObject({ status: 401, title: "Unauthorized" });
      expect(op.responses?.["401"]).toBeDefined();
    }
  });

  it("refuses a token without scopes", async () => {
    const answer = await call(path, method, noScopes);
    // A body is checked before the service refuses; an empty one may be answered 422 first.
    const expected = method === "get" || method === "delete" ? [403] : [403, 422];
    expect(expected).toContain(answer.status);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers a well-scoped token in the documented shape", async () => {
    const answer = await call(path, method, allScopes);
    const documented = Object.keys(op.responses ?? {});
    expect(documented).toContain(String(answer.status));
    const responses = (op.responses ?? {}) as Record<
      string,
      { content?: Record<string, { schema?: z.ZodType }> } | undefined
    >;
    const content = responses[String(answer.status)]?.content;
    const schema = content?.["application/json"]?.schema;
    if (answer.status < 300 && schema) {
      expect(schema.safeParse(answer.json).error).toBeUndefined();
    } else if (answer.status >= 400) {
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
