import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import {
  accountActivity,
  emails,
  jobs,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "../../db/schema";
import { createTestAccount, createTestUser, uniqueName } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { recordActivity } from "../activity/record-activity";
import type { Actor } from "../auth/actor";
import { emailJobHandlers } from "../email/email-job-handlers";
import { createGroup } from "../groups/create-group";
import { createInstance } from "../instances/create-instance";
import { runDueJobs } from "../jobs/run-due-jobs";
import { deleteUser } from "../users/delete-user";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import type { WebhookSubscription } from "./event-types";
import { redeliverWebhook } from "./redeliver-webhook";
import type { ResolveHost } from "./resolve-host";
import { sendTestWebhook } from "./send-test-webhook";
import { startTestReceiver, type TestReceiver } from "./test-receiver";
import { type WebhookDeliveryConfig, webhookRetryDelaysMs } from "./webhook-config";
import { webhookJobHandlers } from "./webhook-job-handlers";

withTestDatabase();

let receiver: TestReceiver;

beforeAll(async () => {
  receiver = await startTestReceiver();
});
afterAll(async () => {
  await receiver.close();
});
// Each test drains the queue it filled; none sees another's jobs.
beforeEach(async () => {
  receiver.reset();
  await getDb().delete(jobs);
});

const local: WebhookDeliveryConfig = {
  allowPrivateUrls: true,
  timeoutMs: 2_000,
  resolve: async () => [{ address: "127.0.0.1", family: 4 }],
};

function handlersWith(config: Partial<WebhookDeliveryConfig> = {}) {
  return { ...emailJobHandlers(), ...webhookJobHandlers({ ...local, ...config }) };
}

/** Runs every job due at `now` until none is left (retries fall due later). */
async function runAll(now: Date, config: Partial<WebhookDeliveryConfig> = {}) {
  const handlers = handlersWith(config);
  const outcomes = [];
  for (;;) {
    const batch = await runDueJobs({ now, handlers });
    if (batch.length === 0) return outcomes;
    outcomes.push(...batch);
  }
}

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function endpointFor(
  admin: Actor,
  eventTypes: WebhookSubscription[] = ["instance.*"],
  path = `/${uniqueName("hook")}`,
) {
  const { endpoint, secret } = await createWebhookEndpoint({
    actor: admin,
    input: { url: `${receiver.origin}${path}`, description: "", eventTypes },
    urlCheck: { allowPrivate: true },
  });
  receiver.expect(path, secret);
  return { endpoint, secret, path };
}

const newInstance = (admin: Actor) =>
  createInstance({
    actor: admin,
    input: { name: uniqueName("Office"), region: "eu-west", notes: "" },
  });

const deliveriesOf = (endpointId: string) =>
  getDb()
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(asc(webhookDeliveries.createdAt));

const attemptsOf = (deliveryId: string) =>
  getDb()
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookAttempts.attemptedAt), asc(webhookAttempts.id));

const loadEndpoint = async (id: string) =>
  (await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!;

describe("webhook delivery", () => {
  it("names the subject by id, whether a user or not", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin, ["group.*", "user.*"]);
    const group = await createGroup({
      actor: admin,
      input: { name: uniqueName("Support"), description: "", permissions: [] },
    });
    const { user } = await createTestUser(admin);
    const payloads = (await deliveriesOf(endpoint.id)).map((delivery) => delivery.payload);
    expect(payloads).toEqual([
      expect.objectContaining({
        type: "group.created",
        data: expect.objectContaining({ id: group.id }),
      }),
      expect.objectContaining({
        type: "user.created",
        data: expect.objectContaining({ id: user.id }),
      }),
    ]);
  });

  it("signs each delivery so standardwebhooks verifies it, carrying the change", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin);
    const instance = await newInstance(admin);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ eventType: "instance.created", status: "pending" });
    await runAll(new Date());
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.verifyError).toBe("");
    expect(request!.verified).toBe(true);
    expect(request!.id).toBe(delivery!.id);
    expect(request!.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      type: "instance.created",
      data: {
        id: instance.id,
        name: instance.name,
        details: { instance: instance.name, region: "eu-west" },
        actor: { userName: admin.userName },
        apiToken: null,
      },
    });
    expect(Date.parse(body.timestamp)).not.toBeNaN();
    expect(await deliveriesOf(endpoint.id)).toMatchObject([{ status: "succeeded", attempts: 1 }]);
    const [attempt] = await attemptsOf(delivery!.id);
    expect(attempt).toMatchObject({ responseStatus: 200, responseExcerpt: "ok", error: "" });
    expect(attempt!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("queues nothing for events the endpoint does not subscribe to, nor for a disabled one", async () => {
    const { admin } = await createTestAccount();
    const { endpoint: users } = await endpointFor(admin, ["user.created", "group.*"]);
    const { endpoint: disabled } = await endpointFor(admin, ["instance.created"]);
    await getDb()
      .update(webhookEndpoints)
      .set({ enabled: false })
      .where(eq(webhookEndpoints.id, disabled.id));
    await newInstance(admin);
    await recordActivity(getDb(), {
      accountId: admin.accountId,
      kind: "user.signed_in",
      target: admin,
    });
    expect(await deliveriesOf(users.id)).toEqual([]);
    expect(await deliveriesOf(disabled.id)).toEqual([]);
    await createTestUser(admin);
    expect((await deliveriesOf(users.id)).map((row) => row.eventType)).toEqual(["user.created"]);
  });

  it("writes the event in the change's transaction: a change rolled back sends nothing", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin, ["user.*"]);
    await expect(
      getDb().transaction(async (tx) => {
        await recordActivity(tx, {
          accountId: admin.accountId,
          kind: "user.updated",
          actor: admin,
          target: admin,
          details: { changes: [{ field: "title", before: "", after: "CEO" }] },
        });
        const queued = await tx
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.endpointId, endpoint.id));
        expect(queued).toHaveLength(1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
    expect(await getDb().select().from(jobs)).toEqual([]);
  });

  it("retries a failing receiver on Svix's schedule, with the same webhook-id, then gives up", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin);
    await newInstance(admin);
    const [delivery] = await deliveriesOf(endpoint.id);
    receiver.answerAlways({ status: 500, body: "database down" });
    let now = new Date();
    for (const delay of webhookRetryDelaysMs) {
      const [outcome] = await runAll(now);
      expect(outcome).toMatchObject({ outcome: "retry", error: "Answered 500." });
      expect(outcome?.outcome === "retry" && outcome.runAt).toEqual(later(now, delay));
      // Not a moment before its time.
      expect(await runAll(later(now, delay - 1))).toEqual([]);
      now = later(now, delay);
    }
    const [last] = await runAll(now);
    expect(last?.outcome).toBe("dead");
    expect(receiver.received).toHaveLength(8);
    expect(new Set(receiver.received.map((request) => request.id))).toEqual(
      new Set([delivery!.id]),
    );
    expect(receiver.received.every((request) => request.verified)).toBe(true);
    expect(await deliveriesOf(endpoint.id)).toMatchObject([{ status: "failed", attempts: 8 }]);
    const attempts = await attemptsOf(delivery!.id);
    expect(attempts).toHaveLength(8);
    expect(attempts[0]).toMatchObject({ responseStatus: 500, responseExcerpt: "database down" });
  });

  it("succeeds on a retry after a 500 and ends the endpoint's run of failures", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin);
    await newInstance(admin);
    receiver.answerNext({ status: 500 });
    const now = new Date();
    await runAll(now);
    expect((await loadEndpoint(endpoint.id)).failingSince).toEqual(now);
    await runAll(later(now, 5_000));
    expect((await loadEndpoint(endpoint.id)).failingSince).toBeNull();
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2 });
    expect((await attemptsOf(delivery!.id)).map((attempt) => attempt.responseStatus)).toEqual([
      500, 200,
    ]);
  });

  it("counts no answer within the timeout as a failed attempt and retries it", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin);
    await newInstance(admin);
    receiver.answerNext({ status: 200, delayMs: 1_000 });
    const now = new Date();
    const [outcome] = await runAll(now, { timeoutMs: 150 });
    expect(outcome).toMatchObject({ outcome: "retry", error: "No answer within 0.15 s." });
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(await attemptsOf(delivery!.id)).toMatchObject([
      { responseStatus: null, error: "No answer within 0.15 s." },
    ]);
    await runAll(later(now, 5_000), { timeoutMs: 150 });
    expect(await deliveriesOf(endpoint.id)).toMatchObject([{ status: "succeeded", attempts: 2 }]);
  });

  it("does not follow a redirect: it is a failed attempt", async () => {
    const { admin } = await createTestAccount();
    const { endpoint, path } = await endpointFor(admin);
    receiver.expect("/elsewhere", "whsec_AAAAAAAAAAAAAAAAAAAAAAAA");
    await newInstance(admin);
    receiver.answerNext({ status: 307, headers: { location: "/elsewhere" } });
    const [outcome] = await runAll(new Date());
    expect(outcome).toMatchObject({
      outcome: "retry",
      error: "Answered 307 (to /elsewhere): redirects are not followed.",
    });
    expect(receiver.received.map((request) => request.path)).toEqual([path]);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(await attemptsOf(delivery!.id)).toMatchObject([{ responseStatus: 307 }]);
  });

  it("refuses a private address when sending, unless the development setting allows it", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin);
    await newInstance(admin);
    const [outcome] = await runAll(new Date(), { allowPrivateUrls: false });
    expect(outcome).toMatchObject({
      outcome: "retry",
      error: "Webhooks are sent over https only.",
    });
    await getDb()
      .update(webhookEndpoints)
      .set({ url: `https://127.0.0.1:1${new URL(endpoint.url).pathname}` })
      .where(eq(webhookEndpoints.id, endpoint.id));
    const [refused] = await runAll(later(new Date(), 5_000), { allowPrivateUrls: false });
    expect(refused).toMatchObject({
      outcome: "retry",
      error:
        "127.0.0.1 is a private, loopback or otherwise internal address: webhooks go to public addresses only.",
    });
    expect(receiver.received).toEqual([]);
  });

  it("refuses a host that resolved to a public address when saved and resolves inside now (DNS rebinding)", async () => {
    const { admin } = await createTestAccount();
    const path = `/${uniqueName("rebind")}`;
    let answer = "93.184.215.14";
    const resolve: ResolveHost = async (hostname) => {
      expect(hostname).toBe("hooks.example.test");
      return [{ address: answer, family: 4 }];
    };
    const port = new URL(receiver.origin).port;
    const { endpoint, secret } = await createWebhookEndpoint({
      actor: admin,
      input: {
        url: `https://hooks.example.test:${port}${path}`,
        description: "",
        eventTypes: ["instance.created"],
      },
      urlCheck: { allowPrivate: false, resolve },
    });
    receiver.expect(path, secret);
    await newInstance(admin);
    answer = "127.0.0.1";
    const [outcome] = await runAll(new Date(), { allowPrivateUrls: false, resolve });
    expect(outcome).toMatchObject({
      outcome: "retry",
      error:
        "hooks.example.test leads to 127.0.0.1, which is a private, loopback or otherwise internal address: webhooks go to public addresses only.",
    });
    expect(receiver.received).toEqual([]);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(await attemptsOf(delivery!.id)).toMatchObject([{ responseStatus: null }]);
  });

  it("connects to the address it resolved and checked, not to a second answer", async () => {
    const { admin } = await createTestAccount();
    const path = `/${uniqueName("pinned")}`;
    const port = new URL(receiver.origin).port;
    // Only this resolver knows the name: reaching the receiver proves the connection used it.
    const resolve: ResolveHost = async () => [{ address: "127.0.0.1", family: 4 }];
    const { secret } = await createWebhookEndpoint({
      actor: admin,
      input: {
        url: `http://hooks.example.test:${port}${path}`,
        description: "",
        eventTypes: ["instance.*"],
      },
      urlCheck: { allowPrivate: true, resolve },
    });
    receiver.expect(path, secret);
    await newInstance(admin);
    await runAll(new Date(), { resolve });
    expect(receiver.received.map((request) => [request.path, request.verified])).toEqual([
      [path, true],
    ]);
    expect(receiver.received[0]!.headers.host).toBe(`hooks.example.test:${port}`);
  });

  it("disables an endpoint failing for five days, records it and alerts its creator once", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin);
    receiver.answerAlways({ status: 503 });
    await newInstance(admin);
    const start = new Date();
    await runAll(start);
    expect((await loadEndpoint(endpoint.id)).failingSince).toEqual(start);
    await newInstance(admin);
    // Four days on, still failing: still enabled.
    await runAll(later(start, 4 * 86_400_000));
    expect(await loadEndpoint(endpoint.id)).toMatchObject({ enabled: true, failingSince: start });
    await newInstance(admin);
    const fiveDaysOn = later(start, 5 * 86_400_000 + 1_000);
    await runAll(fiveDaysOn);
    const disabled = await loadEndpoint(endpoint.id);
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toMatch(/^Every delivery failed for five days/);
    const requestsSoFar = receiver.received.length;
    // Disabled: no new deliveries, and the retries still queued send nothing.
    await newInstance(admin);
    await runAll(later(fiveDaysOn, 30 * 86_400_000));
    expect(receiver.received).toHaveLength(requestsSoFar);
    const statuses = (await deliveriesOf(endpoint.id)).map((row) => row.status);
    expect(statuses).toEqual(["failed", "failed", "failed"]);
    const activity = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.accountId, admin.accountId),
          eq(accountActivity.kind, "webhook_endpoint.disabled"),
        ),
      );
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ actorUserId: null, targetLabel: endpoint.url });
    const alerts = await getDb()
      .select()
      .from(emails)
      .where(
        and(eq(emails.accountId, admin.accountId), eq(emails.kind, "webhook-endpoint-disabled")),
      );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ userId: admin.id });
    expect(alerts[0]!.text).toContain(endpoint.url);
    expect(alerts[0]!.text).toContain(`/integrations/webhooks/${endpoint.id}`);
  });

  it("alerts the account's Administrators when the endpoint's creator is gone", async () => {
    const { admin } = await createTestAccount();
    const { actor: creator, user } = await createTestUser(admin, { role: "administrator" });
    const { endpoint } = await endpointFor(creator);
    await deleteUser({ actor: admin, userId: user.id });
    await getDb()
      .update(webhookEndpoints)
      .set({ failingSince: new Date(Date.now() - 6 * 86_400_000) })
      .where(eq(webhookEndpoints.id, endpoint.id));
    receiver.answerAlways({ status: 500 });
    await newInstance(admin);
    await runAll(new Date());
    expect((await loadEndpoint(endpoint.id)).enabled).toBe(false);
    const alerts = await getDb()
      .select({ userId: emails.userId })
      .from(emails)
      .where(
        and(eq(emails.accountId, admin.accountId), eq(emails.kind, "webhook-endpoint-disabled")),
      );
    expect(alerts).toEqual([{ userId: admin.id }]);
  });

  it("redelivers with the same webhook-id and body; a retry it replaced sends nothing", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin);
    await newInstance(admin);
    receiver.answerNext({ status: 500 });
    const now = new Date();
    await runAll(now);
    const [delivery] = await deliveriesOf(endpoint.id);
    await redeliverWebhook({ actor: admin, endpointId: endpoint.id, deliveryId: delivery!.id });
    await runAll(now);
    // The first job's retry falls due: the redelivery took the delivery over.
    await runAll(later(now, 5_000));
    await redeliverWebhook({ actor: admin, endpointId: endpoint.id, deliveryId: delivery!.id });
    await runAll(later(now, 6_000));
    expect(receiver.received.map((request) => request.id)).toEqual([
      delivery!.id,
      delivery!.id,
      delivery!.id,
    ]);
    expect(receiver.received.every((request) => request.verified)).toBe(true);
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
    expect(await deliveriesOf(endpoint.id)).toMatchObject([{ status: "succeeded", attempts: 3 }]);
  });

  it("sends a test event to one endpoint, whatever it subscribes to", async () => {
    const { admin } = await createTestAccount();
    const { endpoint } = await endpointFor(admin, ["seat.deleted"]);
    const { endpoint: other } = await endpointFor(admin, ["seat.deleted"]);
    const deliveryId = await sendTestWebhook({ actor: admin, endpointId: endpoint.id });
    await runAll(new Date());
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ id: deliveryId, verified: true });
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
      type: "webhook.test",
      data: { actor: { userName: admin.userName } },
    });
    expect(await deliveriesOf(other.id)).toEqual([]);
  });
});
