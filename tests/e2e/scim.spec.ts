import { adminState } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { expect, test } from "./support/test";
import { uniqueName } from "./support/users";

// An identity provider connected as Integrations → SCIM explains: a token made on the
// tokens page, the base URL from the SCIM page; what it provisions shows in the User Manager.

test.use({ storageState: adminState });

test("an identity provider provisions and deactivates a user with the base URL and a token from the portal", async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto("/integrations/api");
  await page.getByRole("link", { name: "SCIM" }).click();
  await expect(page.getByRole("heading", { name: "SCIM provisioning" })).toBeVisible();
  const scimBase = (await page.getByText(/\/api\/scim\/v2$/).textContent())?.trim() ?? "";
  expect(scimBase).toMatch(/^http:\/\/.+\/api\/scim\/v2$/);
  await expectNoSeriousViolations(page, "the SCIM page");

  // The identity provider's token: an Administrator's, with every scope (with fewer, it acts as
  // a User holding just those, who may change only people with no more permissions than that).
  await page.getByRole("link", { name: "API token", exact: true }).click();
  await page.getByRole("button", { name: "New token" }).click();
  const create = page.getByRole("button", { name: "Create token" });
  await waitForHydration(create);
  await page.getByLabel("Name", { exact: true }).fill(uniqueName("Okta"));
  for (const scope of await page.getByRole("main").getByRole("checkbox").all()) {
    await scope.check();
  }
  await create.click();
  const token = await page.getByLabel("Your new token").inputValue();

  // The identity provider, with no session: only the token lets it in.
  const idp = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const path = new URL(scimBase).pathname;
  const userName = uniqueName("grace");
  const created = await idp.post(`${path}/Users`, {
    headers,
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: `${userName}@example.test`,
      name: { givenName: "Grace", familyName: "Hopper" },
      emails: [{ primary: true, value: `${userName}@example.test`, type: "work" }],
      externalId: `00u-${userName}`,
      active: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const user = (await created.json()) as { id: string; userName: string };
  // SCIM keeps the email it sent as userName; the user name here is made from it.
  expect(user.userName).toBe(`${userName}@example.test`);

  await page.goto(`/users?q=${encodeURIComponent(userName)}`);
  await expect(page.getByRole("link", { name: userName, exact: true })).toBeVisible();

  // Deprovisioned the way Entra ID does it: the user moves to Inactive.
  const deactivated = await idp.patch(`${path}/Users/${user.id}`, {
    headers,
    data: {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    },
  });
  expect(deactivated.status(), await deactivated.text()).toBe(200);
  await page.goto(`/users?q=${encodeURIComponent(userName)}&status=inactive`);
  await expect(page.getByRole("link", { name: userName, exact: true })).toBeVisible();
  await idp.dispose();
});
