import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { instances, jobs } from "../../db/schema";
import { createTestAccount, uniqueName } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { createInstance } from "../instances/create-instance";
import { requestRebuild } from "../instances/request-rebuild";
import { runDueJobs } from "../jobs/run-due-jobs";
import { provisioningJobHandlers } from "./job-handlers";
import { verifySignature } from "./signature";

withTestDatabase();

const secret = "provisioning-test-secret-0123456789";
type Received = { headers: IncomingHttpHeaders; body: string; path: string };
const received: Received[] = [];
let answer = 202;
let server: Server;
let url = "";
let admin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body, path: request.url ?? "" });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rebuilds`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  received.length = 0;
  answer = 202;
  await getDb().delete(jobs);
});

const http = () =>
  provisioningJobHandlers({
    kind: "http",
    url,
    secret,
    callbackUrl: "https://portal.example/api/provisioning/events",
  });

async function rebuildingInstance() {
  const instance = await createInstance({
    actor: admin,
    input: { name: uniqueName("Site"), region: "eu-central", notes: "" },
  });
  const started = await requestRebuild({ actor: admin, instanceId: instance.id });
  if (!started.started) throw new Error("the rebuild did not start");
  return { instance, rebuildId: started.rebuildId };
}

describe("HTTP provisioning adapter", () => {
  it("POSTs a signed request the back end can verify, with the job's id as the message id", async () => {
    const { instance, rebuildId } = await rebuildingInstance();
    const [outcome] = await runDueJobs({ handlers: http() });
    expect(outcome?.outcome).toBe("done");
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.path).toBe("/rebuilds");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({
      instanceId: instance.id,
      rebuildId,
      accountId: admin.accountId,
      callbackUrl: "https://portal.example/api/provisioning/events",
    });
    const headers = new Headers(request!.headers as Record<string, string>);
    expect(verifySignature({ secret, headers, body: request!.body })).toEqual({
      ok: true,
      id: outcome!.job.id,
    });
    // Sent, not finished: the instance waits for the back end's report.
    const [row] = await getDb().select().from(instances).where(eq(instances.id, instance.id));
    expect(row?.status).toBe("rebuilding");
  });

  it("retries when the back end answers with an error, resending the same message id", async () => {
    await rebuildingInstance();
    answer = 503;
    const now = new Date();
    const [first] = await runDueJobs({ now, handlers: http() });
    expect(first).toMatchObject({
      outcome: "retry",
      error: "The provisioning service answered 503 Service Unavailable",
    });
    answer = 200;
    const [second] = await runDueJobs({ now: new Date(now.getTime() + 30_000), handlers: http() });
    expect(second?.outcome).toBe("done");
    expect(received.map((request) => request.headers["webhook-id"])).toEqual([
      first!.job.id,
      first!.job.id,
    ]);
  });

  it("marks the instance Failed when the request is given up", async () => {
    const { instance } = await rebuildingInstance();
    const unreachable = provisioningJobHandlers({
      kind: "http",
      url: "http://127.0.0.1:1/",
      secret,
    });
    // The last of its attempts.
    await getDb().update(jobs).set({ attempts: 5 });
    const [outcome] = await runDueJobs({ handlers: unreachable });
    expect(outcome?.outcome).toBe("dead");
    expect(outcome && "error" in outcome ? outcome.error : "").toMatch(
      /^The provisioning service could not be reached: /,
    );
    const [row] = await getDb().select().from(instances).where(eq(instances.id, instance.id));
    expect(row?.status).toBe("failed");
    expect(row?.rebuildError).toMatch(
      /^The rebuild request could not be delivered: The provisioning service could not be reached: /,
    );
  });
});
