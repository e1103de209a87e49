import { startTestReceiver, type TestReceiver } from "../../lib/webhooks/test-receiver";
import { adminState } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { createInstance } from "./support/phone-system";
import { expect, type Page, test } from "./support/test";
import { expectFieldError, expectToast, uniqueName } from "./support/users";

// Outbound webhooks as the first-run Administrator sets them up on /integrations/webhooks,
// received by a local receiver that verifies every request with the standardwebhooks package.
// The server runs with WEBHOOK_ALLOW_PRIVATE_URLS=true, so an http endpoint on 127.0.0.1 is
// allowed; the in-process dispatcher delivers within a poll or two.

test.use({ storageState: adminState });

let receiver: TestReceiver;

test.beforeAll(async () => {
  receiver = await startTestReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

const bodyOf = (request: { body: string }) =>
  JSON.parse(request.body) as { type: string; data: { name: string } };

/** The requests to `path` whose body is of this event type, once at least `count` arrived. */
async function receivedEvents(path: string, type: string, count = 1) {
  const matching = () =>
    receiver.received.filter((request) => request.path === path && bodyOf(request).type === type);
  await expect
    .poll(() => matching().length, {
      message: `${count} "${type}" request(s) at ${path}`,
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(count);
  return matching();
}

async function openNewEndpointForm(page: Page) {
  await page.goto("/integrations/webhooks");
  await page.getByRole("button", { name: "Add Endpoint" }).click();
  await expect(page).toHaveURL(/\/integrations\/webhooks\/new$/);
  await waitForHydration(page.getByRole("button", { name: "Save" }));
}

/** Adds an endpoint for `path` on the receiver; returns its id and the secret shown once. */
async function addEndpoint(page: Page, path: string, events: string[]) {
  await openNewEndpointForm(page);
  await page.getByLabel("URL", { exact: true }).fill(`${receiver.origin}${path}`);
  await page.getByLabel("Description").fill("Made by a browser test.");
  for (const event of events) await page.getByLabel(event, { exact: true }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "it will not be shown again",
  );
  const secret = await page.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  receiver.expect(path, secret);
  await page.getByRole("link", { name: "Continue to the endpoint" }).click();
  await page.waitForURL(/\/integrations\/webhooks\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/")[3] ?? "";
  return { id, secret };
}

test("an endpoint gets signed events of changes and a test event, and a redelivery keeps the webhook-id", async ({
  page,
}) => {
  const path = `/hooks/${uniqueName("crm")}`;
  await openNewEndpointForm(page);
  // Refused first: nothing filled in.
  await page.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "URL", "Enter the endpoint's URL.");
  await expect(page.getByText("Choose at least one event type.")).toBeVisible();

  const { id, secret } = await addEndpoint(page, path, ["All instance events"]);
  // Shown once: the endpoint's page never shows the secret.
  await expect(page.getByRole("main")).not.toContainText(secret);
  await page.reload();
  await expect(page.getByRole("main")).not.toContainText(secret);
  await expect(page.getByRole("main")).toContainText(`${receiver.origin}${path}`);

  const instance = await createInstance(page, "Hooked");
  const [created] = await receivedEvents(path, "instance.created");
  expect(created!.verifyError).toBe("");
  expect(created!.verified).toBe(true);
  expect(bodyOf(created!).data.name).toBe(instance.name);

  // The receiver fails the test event once; the retry 5 s later gets through.
  receiver.answerNext({ status: 500, body: "receiver down" });
  await page.goto(`/integrations/webhooks/${id}`);
  await page.getByRole("button", { name: "Send test event" }).click();
  await expectToast(page, "Test event queued");
  const tests = await receivedEvents(path, "webhook.test", 2);
  expect(new Set(tests.map((request) => request.id)).size).toBe(1);
  expect(tests.every((request) => request.verified)).toBe(true);

  await page.goto(`/integrations/webhooks/${id}`);
  const log = page.getByRole("region", { name: "Delivery log" });
  const testDelivery = log.getByRole("listitem").filter({ hasText: "webhook.test" });
  await expect(testDelivery).toContainText("Delivered");
  await expect(testDelivery).toContainText("2 attempts");
  await testDelivery.getByText("webhook.test").click();
  await expect(testDelivery).toContainText("receiver down");
  await expect(testDelivery).toContainText("500");

  const createdDelivery = log.getByRole("listitem").filter({ hasText: "instance.created" });
  await createdDelivery.getByText("instance.created").click();
  await createdDelivery.getByRole("button", { name: "Redeliver" }).click();
  await expectToast(page, "Delivery queued again");
  const both = await receivedEvents(path, "instance.created", 2);
  expect(both.map((request) => request.id)).toEqual([created!.id, created!.id]);
  expect(both[1]!.body).toBe(created!.body);
  expect(both[1]!.verified).toBe(true);

  await page.goto("/integrations/webhooks");
  const row = page.getByRole("row").filter({ hasText: path });
  await expect(row).toContainText("All instance events");
  await expect(row).toContainText("Enabled");
});

test("refuses a URL with a user name and password in it", async ({ page }) => {
  await openNewEndpointForm(page);
  await page.getByLabel("URL", { exact: true }).fill("https://me:secret@crm.example.com/hooks");
  await page.getByLabel("user.created", { exact: true }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expectFieldError(
    page,
    "URL",
    "Leave out the user name and password: every request is signed instead.",
  );
});

test("edits an endpoint's events and deletes it after confirming", async ({ page }) => {
  const path = `/hooks/${uniqueName("edit")}`;
  const { id } = await addEndpoint(page, path, ["group.created"]);
  await page.getByRole("button", { name: "Edit" }).click();
  await expect(page).toHaveURL(new RegExp(`/integrations/webhooks/${id}/edit$`));
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await expect(page.getByLabel("group.created", { exact: true })).toBeChecked();
  await page.getByLabel("group.created", { exact: true }).uncheck();
  await page.getByLabel("user.deleted", { exact: true }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Endpoint saved");
  await expect(page).toHaveURL(new RegExp(`/integrations/webhooks/${id}$`));
  await expect(page.getByRole("main")).toContainText("user.deleted");

  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this webhook endpoint?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expectToast(page, "Webhook endpoint deleted");
  await expect(page).toHaveURL(/\/integrations\/webhooks$/);
  await expect(page.getByRole("row").filter({ hasText: path })).toHaveCount(0);
});
