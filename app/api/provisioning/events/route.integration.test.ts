import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../../../db/client";
import { inboundEvents, instances } from "../../../../db/schema";
import type { Actor } from "../../../../lib/auth/actor";
import { createInstance } from "../../../../lib/instances/create-instance";
import { requestRebuild } from "../../../../lib/instances/request-rebuild";
import { signedHeaders } from "../../../../lib/provisioning/signature";
import { createTestAccount, uniqueName } from "../../../../tests/support/fixtures";
import { withTestDatabase } from "../../../../tests/support/test-database";

// lib/env reads the secret once, when first imported: set before any import runs.
const secret = vi.hoisted(() => {
  process.env.PROVISIONING_SECRET = "route-test-secret-0123456789abcdef";
  return process.env.PROVISIONING_SECRET;
});
const { POST } = await import("./route");

withTestDatabase();

let admin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
});

async function rebuilding() {
  const instance = await createInstance({
    actor: admin,
    input: { name: uniqueName("Site"), region: "ap-southeast", notes: "" },
  });
  const started = await requestRebuild({ actor: admin, instanceId: instance.id });
  if (!started.started) throw new Error("the rebuild did not start");
  return { instanceId: instance.id, rebuildId: started.rebuildId };
}

const load = async (id: string) =>
  (await getDb().select().from(instances).where(eq(instances.id, id)))[0]!;

function post(
  event: Record<string, unknown>,
  options: { id?: string; at?: Date; key?: string; tamper?: boolean } = {},
) {
  const body = JSON.stringify(event);
  const headers = signedHeaders({
    secret: options.key ?? secret,
    id: options.id ?? `msg_${crypto.randomUUID()}`,
    body,
    now: options.at,
  });
  return POST(
    new Request("http://portal.test/api/provisioning/events", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: options.tamper ? body.replace("instance.", "instance .") : body,
    }),
  );
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { status: number; title: string; detail: string };
}

describe("POST /api/provisioning/events", () => {
  it("records a signed report of a finished rebuild (204)", async () => {
    const rebuild = await rebuilding();
    const response = await post({ type: "instance.rebuilt", ...rebuild });
    expect(response.status).toBe(204);
    const row = await load(rebuild.instanceId);
    expect(row.status).toBe("active");
    expect(row.lastRebuiltAt).toBeInstanceOf(Date);
  });

  it("records a reported failure with its error", async () => {
    const rebuild = await rebuilding();
    const response = await post({
      type: "instance.rebuild_failed",
      ...rebuild,
      error: "Trunk registration timed out",
    });
    expect(response.status).toBe(204);
    expect(await load(rebuild.instanceId)).toMatchObject({
      status: "failed",
      rebuildError: "Trunk registration timed out",
    });
  });

  it("refuses a bad signature, a stale or future timestamp and a replay with 401, changing nothing", async () => {
    const rebuild = await rebuilding();
    const event = { type: "instance.rebuilt", ...rebuild };
    const minutes = (n: number) => new Date(Date.now() + n * 60_000);
    const refusals = [
      await post(event, { key: "not-the-shared-secret-at-all" }),
      await post(event, { tamper: true }),
      await post(event, { at: minutes(-6) }),
      await post(event, { at: minutes(6) }),
    ];
    const details = [];
    for (const response of refusals) {
      expect(response.status).toBe(401);
      details.push((await problemOf(response)).detail);
    }
    expect(details).toEqual([
      "The webhook-signature does not match.",
      "The webhook-signature does not match.",
      "The webhook-timestamp is more than 5 minutes from now.",
      "The webhook-timestamp is more than 5 minutes from now.",
    ]);
    expect((await load(rebuild.instanceId)).status).toBe("rebuilding");

    // Accepted once; the same message again is a replay.
    const id = `msg_${crypto.randomUUID()}`;
    expect((await post(event, { id })).status).toBe(204);
    const replay = await post(event, { id });
    expect(replay.status).toBe(401);
    expect((await problemOf(replay)).detail).toBe("This webhook-id was already received.");
  });

  it("answers 409 for another rebuild and 404 for an unknown instance, keeping no event id", async () => {
    const rebuild = await rebuilding();
    const id = `msg_${crypto.randomUUID()}`;
    const stale = await post(
      { type: "instance.rebuilt", ...rebuild, rebuildId: crypto.randomUUID() },
      { id },
    );
    expect(stale.status).toBe(409);
    expect(await problemOf(stale)).toMatchObject({ status: 409, title: "Conflict" });
    const unknown = await post({
      type: "instance.rebuilt",
      instanceId: crypto.randomUUID(),
      rebuildId: rebuild.rebuildId,
    });
    expect(unknown.status).toBe(404);
    expect((await load(rebuild.instanceId)).status).toBe("rebuilding");
    expect(await getDb().select().from(inboundEvents).where(eq(inboundEvents.eventId, id))).toEqual(
      [],
    );
  });

  it("answers 400 naming what is wrong with a signed but malformed report", async () => {
    const response = await post({ type: "instance.exploded", instanceId: "x" });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toBe(
      'type must be "instance.rebuilt" or "instance.rebuild_failed". instanceId must be an instance\'s id. rebuildId must be the id sent with the rebuild request.',
    );
  });
});
