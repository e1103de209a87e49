import { adminState } from "./support/accounts";
import {
  addSparePhoneNumber,
  chooseTemplate,
  createInstance,
  createSeatTemplate,
  featureRow,
  featuresUrl,
  fillNewUser,
  finishSeat,
  openNewUserForm,
  pendingSeats,
  saveNewUser,
  seatFeatures,
  startSeatStep,
  userSeats,
} from "./support/phone-system";
import { expect, test } from "./support/test";
import { adminPage, expectFieldError } from "./support/users";

// The seat wizard is a chain of plain forms: without scripts each step posts, the server
// answers with the next page, and the browser's own history moves between them.
test.use({ javaScriptEnabled: false, storageState: adminState });
// Its instance and template are made first, with scripts on.
test.describe.configure({ timeout: 120_000 });

test("applies a template to a new user without scripts; Back from the preview keeps the attributes typed", async ({
  page,
  browser,
}) => {
  const setup = await adminPage(browser, { javaScriptEnabled: true });
  const instance = await createInstance(setup, "Plain");
  const number = await addSparePhoneNumber(setup, instance);
  const template = await createSeatTemplate(setup, "Plain");
  await setup.context().close();

  await openNewUserForm(page);
  const user = await fillNewUser(page, "plain", "Katherine");
  await startSeatStep(page, instance, "Apply Template");
  await chooseTemplate(page, template);

  await page.getByLabel("Extension", { exact: true }).fill("501");
  await page.getByRole("button", { name: "Next" }).click();
  await page.waitForURL(/\/preview$/);
  const main = page.getByRole("main");
  await expect(main).toContainText("Extension 501");
  await expect(main).toContainText("Device: Katherine softphone, softphone");
  await expect(main).toContainText(`Phone number: the next spare one (now ${number})`);

  // The browser's Back button: the attributes page again, holding what was typed.
  await page.goBack();
  await expect(page).toHaveURL(/\/attributes$/);
  await expect(page.getByLabel("Extension", { exact: true })).toHaveValue("501");
  // Emptied, the required extension is refused by the server, beside its field.
  await page.getByLabel("Extension", { exact: true }).fill("");
  await page.getByRole("button", { name: "Next" }).click();
  await expectFieldError(page, "Extension", "Enter Extension.");
  await page.getByLabel("Extension", { exact: true }).fill("502");
  await page.getByRole("button", { name: "Next" }).click();
  await page.waitForURL(/\/preview$/);
  await expect(main).toContainText("Extension 502");
  await expect(main).toContainText("Voicemail box 502");
  await finishSeat(page);

  await expect(page.getByLabel("User Name")).toHaveValue(user.userName);
  await expect(page.getByLabel("First Name")).toHaveValue("Katherine");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await expect(pendingSeats(page)).toContainText(
    `Pending seat in ${instance.name}: template ${template.name} (version 1)`,
  );
  await expect(pendingSeats(page)).toContainText("Extension 502");
  await saveNewUser(page);

  await expect(userSeats(page)).toContainText(`${instance.name} · extension 502`);
  await expect(seatFeatures(page)).toHaveText([
    "Device: Katherine softphone",
    `Phone number: ${number}`,
    "Voicemail box: Mailbox 502",
  ]);
  await page.goto(featuresUrl(instance));
  await expect(featureRow(page, number).getByRole("cell").last()).toHaveText(user.displayName);
});

test("Back from the preview returns to Setup Attributes after a refused Next", async ({
  page,
  browser,
}) => {
  // The refused Next must be a page of its own: answered in place (a POST result), Back from
  // the preview would meet Chromium's "Confirm Form Resubmission" (net::ERR_CACHE_MISS).
  const setup = await adminPage(browser, { javaScriptEnabled: true });
  const instance = await createInstance(setup, "Resubmit");
  await addSparePhoneNumber(setup, instance);
  const template = await createSeatTemplate(setup, "Resubmit");
  await setup.context().close();

  await openNewUserForm(page);
  await fillNewUser(page, "resubmit");
  await startSeatStep(page, instance, "Apply Template");
  await chooseTemplate(page, template);
  await page.getByRole("button", { name: "Next" }).click();
  await expectFieldError(page, "Extension", "Enter Extension.");
  await page.getByLabel("Extension", { exact: true }).fill("503");
  await page.getByRole("button", { name: "Next" }).click();
  await page.waitForURL(/\/preview$/);
  await page.goBack();
  await expect(page.getByLabel("Extension", { exact: true })).toHaveValue("503");
});
