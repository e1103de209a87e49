import { admin, adminState } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { type Browser, expect, type Page, test } from "./support/test";
import { adminPage, expectFieldError, expectToast, uniqueName } from "./support/users";

// The Organization page as the first-run Administrator uses it: the profile with and without
// JavaScript, and the logo in the top bar. Other specs name the organization as the first run
// made it, so every test here leaves its name and logo as they were.

test.use({ storageState: adminState });

// A valid 1x1 transparent PNG.
const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const topBar = (page: Page) => page.getByRole("banner");

/** Puts the first run's name back and removes any logo, with scripts off (plain posts). */
async function restoreOrganization(browser: Browser) {
  const page = await adminPage(browser, { javaScriptEnabled: false });
  await page.goto("/organization");
  await page.getByLabel("Name", { exact: true }).fill(admin.organization);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Organization saved");
  const remove = page.getByRole("button", { name: "Remove logo" });
  if ((await remove.count()) > 0) {
    await remove.click();
    await expectToast(page, "Logo removed");
  }
  await page.context().close();
}

test.afterEach(async ({ browser }) => {
  await restoreOrganization(browser);
});

test("edits the organization's profile; the new name shows in the top bar", async ({ page }) => {
  const name = uniqueName("Northwind Renamed");
  await page.goto("/organization");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Organization");

  // The browser checks with the server's schema: nothing is sent, nothing typed is lost.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Billing email").fill("billing at northwind");
  await page.getByLabel("Tax rate (%)").fill("8.255");
  await page.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "Billing email", "Enter a valid billing email.");
  await expectFieldError(page, "Tax rate (%)", "Enter the tax rate with at most 2 decimals");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  await page.getByLabel("Address").fill("1 Harbour Road\nPortsmouth");
  await page.getByLabel("Contact email").fill("hello@northwind.test");
  await page.getByLabel("Billing email").fill("billing@northwind.test");
  await page.getByLabel("Phone").fill("212 555 0100");
  await page.getByLabel("Time zone").selectOption("Europe/London");
  await page.getByLabel("Tax rate (%)").fill("8.25");
  await page.getByRole("button", { name: "Save" }).click();

  await expectToast(page, "Organization saved");
  await expect(topBar(page)).toContainText(name);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(page.getByLabel("Phone")).toHaveValue("+1 212 555 0100");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London");
  await expect(page.getByLabel("Tax rate (%)")).toHaveValue("8.25");
  await expect(page.getByLabel("Address")).toHaveValue("1 Harbour Road\nPortsmouth");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("saves the profile with a plain post, keeping what was typed when refused", async ({
    page,
  }) => {
    const name = uniqueName("Northwind Plain");
    await page.goto("/organization");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Contact email").fill("hello at northwind");
    await page.getByLabel("Tax rate (%)").fill("-1");
    await page.getByRole("button", { name: "Save" }).click();

    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "Check the highlighted fields.",
    );
    await expectFieldError(page, "Contact email", "Enter a valid contact email.");
    await expectFieldError(
      page,
      "Tax rate (%)",
      "Enter the tax rate as a percent between 0 and 100",
    );
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await expect(page.getByLabel("Contact email")).toHaveValue("hello at northwind");

    await page.getByLabel("Contact email").fill("hello@northwind.test");
    await page.getByLabel("Tax rate (%)").fill("100");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Organization saved");
    await expect(topBar(page)).toContainText(name);
    await expect(page.getByLabel("Tax rate (%)")).toHaveValue("100");
  });

  test("uploads a logo with a plain multipart post", async ({ page }) => {
    await page.goto("/organization");
    await page.getByLabel("Logo file").setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: onePixelPng,
    });
    await page.getByRole("button", { name: "Upload logo" }).click();
    await expectToast(page, "Logo saved");
    await expect(topBar(page).getByRole("img", { name: admin.organization })).toBeVisible();
  });
});

test("uploads a PNG logo shown in the top bar, refuses a text file, and removes it", async ({
  page,
}) => {
  await page.goto("/organization");
  const upload = page.getByRole("button", { name: "Upload logo" });
  await waitForHydration(upload);
  await expect(topBar(page).getByRole("img")).toHaveCount(0);

  await page.getByLabel("Logo file").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: onePixelPng,
  });
  await upload.click();
  await expectToast(page, "Logo saved");
  const logo = topBar(page).getByRole("img", { name: admin.organization });
  await expect(logo).toBeVisible();
  // The image really loaded: the route served PNG bytes the browser could decode.
  await expect
    .poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
    .toBe(1);
  const response = await page.request.get((await logo.getAttribute("src")) ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  const etag = response.headers().etag ?? "";
  expect(etag).not.toBe("");
  const revalidated = await page.request.get((await logo.getAttribute("src")) ?? "", {
    headers: { "if-none-match": etag },
  });
  expect(revalidated.status()).toBe(304);

  // A text file named .png, sent as image/png by the browser, is refused by its bytes.
  await page.getByLabel("Logo file").setInputFiles({
    name: "notes.png",
    mimeType: "image/png",
    buffer: Buffer.from("These are not the bytes of an image."),
  });
  await upload.click();
  await expectFieldError(
    page,
    "Logo file",
    "The logo must be a PNG, JPEG, GIF or WebP image (SVG is not accepted).",
  );
  await expect(logo).toBeVisible();

  await page.getByRole("button", { name: "Remove logo" }).click();
  await expectToast(page, "Logo removed");
  await expect(topBar(page).getByRole("img")).toHaveCount(0);
});
