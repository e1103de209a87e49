import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity, emails, webhookDeliveries, webhookEndpoints } from "../../db/schema";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import type { PermissionKey } from "../auth/modules";
import { queueEmail } from "../email/queue-email";
import { receiveResendEvent } from "../email/receive-resend-event";
import { svixHeaders } from "../email/svix-signature";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../errors";
import { createWebhookEndpoint, maxWebhookEndpoints } from "./create-webhook-endpoint";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { enableWebhookEndpoint } from "./enable-webhook-endpoint";
import { getWebhookEndpoint } from "./get-webhook-endpoint";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { listWebhookEndpoints } from "./list-webhook-endpoints";
import { redeliverWebhook } from "./redeliver-webhook";
import type { ResolveHost } from "./resolve-host";
import type { WebhookEndpointInput } from "./schemas";
import { sendTestWebhook } from "./send-test-webhook";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;
let viewer: Actor;
let stranger: Actor;

/** A user of the account granted exactly these permissions (as a group would). */
async function userWith(accountId: string, keys: PermissionKey[]): Promise<Actor> {
  const [row] = await insertTestUsers(accountId, [{ userName: uniqueName("delegate") }]);
  return { ...actorFor(row!), grants: new Map(keys.map((key) => [key, ["Integrators"]])) };
}

// No test asks real DNS: names resolve here.
const publicDns: ResolveHost = async () => [{ address: "93.184.215.14", family: 4 }];
const urlCheck = { allowPrivate: false, resolve: publicDns };

const input = (overrides: Partial<WebhookEndpointInput> = {}): WebhookEndpointInput => ({
  url: `https://crm.example.com/hooks/${uniqueName("h")}`,
  description: "CRM sync",
  eventTypes: ["user.*", "group.created"],
  ...overrides,
});

const create = (actor: Actor, overrides: Partial<WebhookEndpointInput> = {}) =>
  createWebhookEndpoint({ actor, input: input(overrides), urlCheck });

const urlErrorOf = async (promise: Promise<unknown>) => {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(InvalidError);
  return (error as InvalidError).fieldErrors.url;
};

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  viewer = await userWith(admin.accountId, ["integrations:view"]);
  stranger = await userWith(admin.accountId, []);
});

describe("webhook endpoints", () => {
  it("makes an endpoint with a Standard Webhooks secret returned once, and records it", async () => {
    const { endpoint, secret } = await create(admin);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(() => new Webhook(secret)).not.toThrow();
    expect(endpoint).toMatchObject({
      enabled: true,
      createdByUserId: admin.id,
      eventTypes: ["user.*", "group.created"],
      description: "CRM sync",
    });
    expect(endpoint).not.toHaveProperty("secret");
    expect(await getWebhookEndpoint({ actor: admin, endpointId: endpoint.id })).not.toHaveProperty(
      "secret",
    );
    expect(JSON.stringify(await listWebhookEndpoints({ actor: admin }))).not.toContain(secret);
    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.accountId, admin.accountId),
          eq(accountActivity.kind, "webhook_endpoint.created"),
          eq(accountActivity.targetLabel, endpoint.url),
        ),
      );
    expect(activity).toMatchObject({ actorUserId: admin.id });
    expect(activity!.details.summary).toBe("Events: All user events, group.created");
    expect(JSON.stringify(activity)).not.toContain(secret.slice(6));
  });

  it("refuses URLs that are not https, carry credentials, or lead to internal addresses", async () => {
    expect(await urlErrorOf(create(admin, { url: "http://crm.example.com/hooks" }))).toBe(
      "Use an https:// URL.",
    );
    expect(await urlErrorOf(create(admin, { url: "https://a:b@crm.example.com/" }))).toMatch(
      /^Leave out the user name and password/,
    );
    expect(await urlErrorOf(create(admin, { url: "https://127.0.0.1/hooks" }))).toBe(
      "127.0.0.1 is a private, loopback or otherwise internal address: webhooks go to public addresses only.",
    );
    expect(await urlErrorOf(create(admin, { url: "https://[::ffff:169.254.169.254]/" }))).toMatch(
      /is a private, loopback or otherwise internal address/,
    );
    const inside = createWebhookEndpoint({
      actor: admin,
      input: input({ url: "https://intranet.example.com/hooks" }),
      urlCheck: {
        allowPrivate: false,
        resolve: async () => [
          { address: "93.184.215.14", family: 4 },
          { address: "10.0.0.8", family: 4 },
        ],
      },
    });
    expect(await urlErrorOf(inside)).toBe(
      "intranet.example.com leads to 10.0.0.8, which is a private, loopback or otherwise internal address: webhooks go to public addresses only.",
    );
    const unknown = createWebhookEndpoint({
      actor: admin,
      input: input({ url: "https://nowhere.example.com/" }),
      urlCheck: {
        allowPrivate: false,
        resolve: async () => {
          throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
        },
      },
    });
    expect(await urlErrorOf(unknown)).toBe(
      "The host name nowhere.example.com could not be resolved (ENOTFOUND).",
    );
  });

  it("takes http and private addresses with the development setting", async () => {
    const { endpoint } = await createWebhookEndpoint({
      actor: admin,
      input: input({ url: "http://127.0.0.1:4000/hooks" }),
      urlCheck: { allowPrivate: true },
    });
    expect(endpoint.url).toBe("http://127.0.0.1:4000/hooks");
    await deleteWebhookEndpoint({ actor: admin, endpointId: endpoint.id });
  });

  it("edits an endpoint, checking the new URL, and records what changed", async () => {
    const { endpoint } = await create(admin);
    const url = "https://crm.example.com/v2/hooks";
    await expect(
      updateWebhookEndpoint({
        actor: admin,
        endpointId: endpoint.id,
        input: input({ url: "https://10.0.0.1/" }),
        urlCheck,
      }),
    ).rejects.toBeInstanceOf(InvalidError);
    const updated = await updateWebhookEndpoint({
      actor: admin,
      endpointId: endpoint.id,
      input: input({ url, description: "CRM sync", eventTypes: ["seat.*"] }),
      urlCheck,
    });
    expect(updated).toMatchObject({ url, eventTypes: ["seat.*"] });
    const [activity] = await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.kind, "webhook_endpoint.updated"),
          eq(accountActivity.targetLabel, url),
        ),
      );
    expect(activity!.details.changes).toEqual([
      { field: "url", before: endpoint.url, after: url },
      { field: "eventTypes", before: ["user.*", "group.created"], after: ["seat.*"] },
    ]);
  });

  it("enables a disabled endpoint again, its run of failures forgotten", async () => {
    const { endpoint } = await create(admin);
    await getDb()
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: "Failing", failingSince: new Date(0) })
      .where(eq(webhookEndpoints.id, endpoint.id));
    expect(
      await rejectionOf(sendTestWebhook({ actor: admin, endpointId: endpoint.id })),
    ).toBeInstanceOf(ConflictError);
    const enabled = await enableWebhookEndpoint({ actor: admin, endpointId: endpoint.id });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: "", failingSince: null });
    await sendTestWebhook({ actor: admin, endpointId: endpoint.id });
  });

  it("deletes an endpoint with its delivery log", async () => {
    const { endpoint } = await create(admin);
    const deliveryId = await sendTestWebhook({ actor: admin, endpointId: endpoint.id });
    await deleteWebhookEndpoint({ actor: admin, endpointId: endpoint.id });
    expect(
      await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)),
    ).toEqual([]);
    expect(
      await rejectionOf(getWebhookEndpoint({ actor: admin, endpointId: endpoint.id })),
    ).toBeInstanceOf(NotFoundError);
  });

  it(`allows at most ${maxWebhookEndpoints} endpoints per organization`, async () => {
    const { admin: busy } = await createTestAccount();
    for (let n = 0; n < maxWebhookEndpoints; n += 1) await create(busy);
    const error = await rejectionOf(create(busy));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/at most 20 webhook endpoints/);
  });

  it("pages the delivery log, newest first, with each delivery's attempts", async () => {
    const { endpoint } = await create(admin);
    const ids: string[] = [];
    for (let n = 0; n < 30; n += 1) {
      ids.push(await sendTestWebhook({ actor: admin, endpointId: endpoint.id }));
    }
    const first = await listWebhookDeliveries({ actor: viewer, endpointId: endpoint.id });
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]).toMatchObject({
      eventType: "webhook.test",
      status: "pending",
      attempts: 0,
      attemptLog: [],
    });
    expect(first.rows[0]!.nextAttemptAt).toBeInstanceOf(Date);
    const second = await listWebhookDeliveries({
      actor: viewer,
      endpointId: endpoint.id,
      before: first.nextBefore,
    });
    expect(second.rows).toHaveLength(5);
    expect(second.nextBefore).toBeUndefined();
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id))).toEqual(new Set(ids));
  });
});

describe("who may do what with webhook endpoints", () => {
  it("needs Integrations → Manage to create, edit, delete, enable, test and redeliver", async () => {
    const { endpoint } = await create(admin);
    const deliveryId = await sendTestWebhook({ actor: admin, endpointId: endpoint.id });
    const endpointId = endpoint.id;
    for (const actor of [viewer, stranger]) {
      for (const attempt of [
        () => create(actor),
        () => updateWebhookEndpoint({ actor, endpointId, input: input(), urlCheck }),
        () => deleteWebhookEndpoint({ actor, endpointId }),
        () => enableWebhookEndpoint({ actor, endpointId }),
        () => sendTestWebhook({ actor, endpointId }),
        () => redeliverWebhook({ actor, endpointId, deliveryId }),
      ]) {
        const error = await rejectionOf(attempt());
        expect(error).toBeInstanceOf(ForbiddenError);
        expect((error as ForbiddenError).permission).toBe("integrations:manage");
      }
    }
    const manager = await userWith(admin.accountId, ["integrations:view", "integrations:manage"]);
    const { endpoint: made } = await create(manager);
    expect(made.createdByUserId).toBe(manager.id);
  });

  it("needs Integrations → View to see endpoints and their delivery log", async () => {
    const { endpoint } = await create(admin);
    const endpointId = endpoint.id;
    expect((await listWebhookEndpoints({ actor: viewer })).map((row) => row.id)).toContain(
      endpointId,
    );
    expect((await getWebhookEndpoint({ actor: viewer, endpointId })).id).toBe(endpointId);
    await listWebhookDeliveries({ actor: viewer, endpointId });
    for (const attempt of [
      () => listWebhookEndpoints({ actor: stranger }),
      () => getWebhookEndpoint({ actor: stranger, endpointId }),
      () => listWebhookDeliveries({ actor: stranger, endpointId }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(ForbiddenError);
    }
  });

  it("finds no endpoint or delivery of another organization", async () => {
    const { endpoint } = await create(admin);
    const endpointId = endpoint.id;
    const deliveryId = await sendTestWebhook({ actor: admin, endpointId });
    const actor = otherAdmin;
    for (const attempt of [
      () => getWebhookEndpoint({ actor, endpointId }),
      () => updateWebhookEndpoint({ actor, endpointId, input: input(), urlCheck }),
      () => deleteWebhookEndpoint({ actor, endpointId }),
      () => enableWebhookEndpoint({ actor, endpointId }),
      () => sendTestWebhook({ actor, endpointId }),
      () => redeliverWebhook({ actor, endpointId, deliveryId }),
      () => listWebhookDeliveries({ actor, endpointId }),
      () => getWebhookEndpoint({ actor, endpointId: "not-a-uuid" }),
    ]) {
      expect(await rejectionOf(attempt())).toBeInstanceOf(NotFoundError);
    }
    // Nor a delivery of one endpoint through another of the same account.
    const { endpoint: sibling } = await create(admin);
    expect(
      await rejectionOf(redeliverWebhook({ actor: admin, endpointId: sibling.id, deliveryId })),
    ).toBeInstanceOf(NotFoundError);
    expect((await listWebhookEndpoints({ actor })).map((row) => row.id)).not.toContain(endpointId);
  });
});

describe("email.bounced", () => {
  it("is sent when Resend reports a bounce, in the transaction that marks the address", async () => {
    const { admin: owner } = await createTestAccount();
    const { endpoint } = await create(owner, { eventTypes: ["email.bounced"] });
    const { emailId } = await queueEmail(getDb(), {
      accountId: owner.accountId,
      userId: owner.id,
      to: `${owner.userName}@example.test`,
      template: "password-changed",
      props: { organizationName: "Acme", recipientName: "Ada", userName: owner.userName },
    });
    const providerMessageId = randomUUID();
    await getDb()
      .update(emails)
      .set({ status: "sent", providerMessageId })
      .where(eq(emails.id, emailId));
    const secret = `whsec_${Buffer.from("resend webhook secret for tests").toString("base64")}`;
    const body = JSON.stringify({
      type: "email.bounced",
      created_at: new Date().toISOString(),
      data: {
        email_id: providerMessageId,
        to: [`${owner.userName}@example.test`],
        bounce: { message: "Mailbox does not exist" },
      },
    });
    const headers = new Headers(svixHeaders({ secret, id: `msg_${randomUUID()}`, body }));
    expect(await receiveResendEvent({ headers, body, secret })).toBe("bounced");
    const [delivery] = await getDb()
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(delivery).toMatchObject({ eventType: "email.bounced" });
    expect(delivery!.payload).toMatchObject({
      type: "email.bounced",
      data: {
        id: owner.id,
        name: `${owner.userName}@example.test`,
        details: {
          emailId,
          kind: "password-changed",
          cause: "bounce",
          undeliverableUserIds: [owner.id],
        },
        actor: null,
      },
    });
  });
});
