// Attacks on instances and their rebuilds: another account's ids, and provisioning reports
// that are forged, altered, stale, replayed, oversized or about someone else's instance.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../db/client";
import { instances } from "../../db/schema";
import { createTestAccount, rejectionOf, uniqueName } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError, NotFoundError } from "../errors";
import { insertTestSeat } from "../features/feature-test-fixtures";
import {
  receiveProvisioningEvent,
  UnauthenticEventError,
} from "../provisioning/receive-provisioning-event";
import { signedHeaders } from "../provisioning/signature";
import { createInstance } from "./create-instance";
import { deleteInstance } from "./delete-instance";
import { getInstance } from "./get-instance";
import { listSeats } from "./list-instance-seats";
import { requestRebuild } from "./request-rebuild";
import { updateInstance } from "./update-instance";

// lib/env reads the secret once, when first imported: set before any import runs.
const secret = vi.hoisted(() => {
  process.env.PROVISIONING_SECRET = "attack-test-secret-0123456789abcdef";
  return process.env.PROVISIONING_SECRET;
});
const { POST } = await import("../../app/api/provisioning/events/route");

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
});

const newInstance = (actor: Actor) =>
  createInstance({ actor, input: { name: uniqueName("Site"), region: "us-east", notes: "" } });

async function rebuilding(actor: Actor) {
  const instance = await newInstance(actor);
  const started = await requestRebuild({ actor, instanceId: instance.id });
  if (!started.started) throw new Error("the rebuild did not start");
  return { instanceId: instance.id, rebuildId: started.rebuildId };
}

const statusOf = async (id: string) =>
  (await getDb().select().from(instances).where(eq(instances.id, id)))[0]?.status;

/** A report as the provisioning back end would sign it, with parts to override. */
function report(
  event: Record<string, unknown>,
  options: { body?: string; headers?: Record<string, string>; now?: Date } = {},
) {
  const body = JSON.stringify(event);
  const headers = new Headers({
    ...signedHeaders({ secret, id: `msg_${crypto.randomUUID()}`, body }),
    ...options.headers,
  });
  return receiveProvisioningEvent({
    headers,
    body: options.body ?? body,
    secret,
    now: options.now,
  });
}

describe("another account's instance", () => {
  it("is not found by any instance service, its seats included", async () => {
    const theirs = await newInstance(otherAdmin);
    await insertTestSeat(otherAdmin.accountId, theirs.id, "100");
    for (const attempt of [
      () => getInstance({ actor: admin, instanceId: theirs.id }),
      () => listSeats({ actor: admin, instanceId: theirs.id }),
      () => requestRebuild({ actor: admin, instanceId: theirs.id }),
      () =>
        updateInstance({
          actor: admin,
          instanceId: theirs.id,
          input: { name: "Mine now", region: "us-east", notes: "" },
        }),
      () => deleteInstance({ actor: admin, instanceId: theirs.id }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    }
    expect(await getInstance({ actor: otherAdmin, instanceId: theirs.id })).toMatchObject({
      name: theirs.name,
      status: "active",
      seatCount: 1,
    });
  });
});

describe("provisioning reports", () => {
  it("refuse a signature made over another body, changing nothing", async () => {
    const { instanceId, rebuildId } = await rebuilding(admin);
    const signedFor = JSON.stringify({ type: "instance.rebuilt", instanceId, rebuildId });
    const forged = JSON.stringify({ type: "instance.rebuild_failed", instanceId, rebuildId });
    const headers = new Headers(signedHeaders({ secret, id: "msg_swap", body: signedFor }));
    const error = await rejectionOf(receiveProvisioningEvent({ headers, body: forged, secret }));
    expect(error).toBeInstanceOf(UnauthenticEventError);
    expect(await statusOf(instanceId)).toBe("rebuilding");
  });

  it("refuse malformed signing headers, changing nothing", async () => {
    const { instanceId, rebuildId } = await rebuilding(admin);
    const event = { type: "instance.rebuilt", instanceId, rebuildId };
    const cases: Record<string, string>[] = [
      { "webhook-timestamp": "1e9" },
      { "webhook-timestamp": String(-Math.floor(Date.now() / 1000)) },
      { "webhook-id": "x".repeat(201) },
      { "webhook-signature": "v2,AAAA" },
      { "webhook-signature": "v1," },
      { "webhook-signature": "v1,not base64 at all" },
    ];
    for (const headers of cases) {
      expect(await rejectionOf(report(event, { headers }))).toBeInstanceOf(UnauthenticEventError);
    }
    expect(await statusOf(instanceId)).toBe("rebuilding");
  });

  it("of another account's instance are taken only with that rebuild's own id", async () => {
    // The secret is one for the whole portal: the provisioning back end serves every account.
    // What ties a report to one rebuild is the random rebuild id sent with that request.
    const mine = await rebuilding(admin);
    const theirs = await rebuilding(otherAdmin);
    const crossed = await rejectionOf(
      report({
        type: "instance.rebuilt",
        instanceId: theirs.instanceId,
        rebuildId: mine.rebuildId,
      }),
    );
    expect(crossed).toBeInstanceOf(ConflictError);
    expect(await statusOf(theirs.instanceId)).toBe("rebuilding");
    await expect(report({ type: "instance.rebuilt", ...theirs })).resolves.toEqual({
      completed: true,
    });
    expect(await statusOf(theirs.instanceId)).toBe("active");
    expect(await statusOf(mine.instanceId)).toBe("rebuilding");
  });

  it("cannot end a rebuild started after the one they report", async () => {
    const first = await rebuilding(admin);
    await report({ type: "instance.rebuild_failed", ...first, error: "no trunk" });
    const second = await requestRebuild({ actor: admin, instanceId: first.instanceId });
    expect(second.started).toBe(true);
    // The first rebuild's report again, freshly signed under a new id.
    expect(await rejectionOf(report({ type: "instance.rebuilt", ...first }))).toBeInstanceOf(
      ConflictError,
    );
    expect(await statusOf(first.instanceId)).toBe("rebuilding");
  });

  it("larger than 64 KiB are refused by the route before anything is checked", async () => {
    const { instanceId, rebuildId } = await rebuilding(admin);
    const body = JSON.stringify({
      type: "instance.rebuild_failed",
      instanceId,
      rebuildId,
      error: "x".repeat(70 * 1024),
    });
    const response = await POST(
      new Request("http://portal.test/api/provisioning/events", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...signedHeaders({ secret, id: "msg_big", body }),
        },
        body,
      }),
    );
    expect(response.status).toBe(413);
    expect(await statusOf(instanceId)).toBe("rebuilding");
  });
});
