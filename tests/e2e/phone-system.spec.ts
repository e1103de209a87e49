import { adminState, userPassword } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import {
  addConferenceRoom,
  addSpareDevice,
  addSparePhoneNumber,
  buildPendingSeat,
  chooseTemplate,
  createInstance,
  createSeatedUser,
  createSeatTemplate,
  expectSparePhoneNumbers,
  featureRow,
  featuresUrl,
  fillNewUser,
  fillSeatAttributes,
  finishSeat,
  instanceDetails,
  instanceFact,
  openNewFeatureForm,
  openNewUserForm,
  pendingSeats,
  saveNewUser,
  seatFeatures,
  startSeatStep,
  type TestTemplate,
  userSeats,
} from "./support/phone-system";
import { expect, type Page, test } from "./support/test";
import {
  adminPage,
  createUser,
  escapeRegExp,
  expectFieldError,
  expectToast,
  signedInPage,
  uniqueName,
} from "./support/users";

test.use({ storageState: adminState });
// Each test sets up its own instance through the forms: more steps than most browser tests.
test.describe.configure({ timeout: 120_000 });

// Templates belong to the account, not to an instance: the tests after the first share one
// (made again whenever this file starts afresh), each in an instance of its own.
let shared: TestTemplate | undefined;
async function sharedTemplate(page: Page): Promise<TestTemplate> {
  shared ??= await createSeatTemplate(page, "Shared");
  return shared;
}

test("an Administrator sets up an instance, spare numbers and a template, then seats a new user with the wizard", async ({
  page,
}) => {
  const instance = await createInstance(page, "Harbour");
  const details = instanceDetails(page, instance);
  await expect(instanceFact(details, "Status")).toHaveText("Active");
  await expect(instanceFact(details, "Region")).toHaveText("EU West (Ireland)");
  const taken = await addSparePhoneNumber(page, instance);
  const left = await addSparePhoneNumber(page, instance);
  await expectSparePhoneNumbers(page, instance, 2);
  await page.goto(`/instances/${instance.id}`);
  await expect(details.getByRole("listitem").filter({ hasText: "Phone numbers" })).toHaveText(
    /Phone numbers\s*2/,
  );

  const template = await createSeatTemplate(page, "Standard");
  shared = template;
  await page.goto("/templates");
  const templateRow = page.getByRole("row").filter({ hasText: template.name });
  // Version 1, three features, no seats yet.
  await expect(templateRow.getByRole("cell")).toHaveText([template.name, "1", "3", "0"]);

  // The user form: what is typed before the wizard is kept through it (but the password).
  await openNewUserForm(page);
  const user = await fillNewUser(page, "seated", "Ada");
  await page.getByLabel("New Password").fill(userPassword);
  await startSeatStep(page, instance, "Apply Template");
  await expect(
    page.getByRole("heading", { name: `Apply Template · ${instance.name}` }),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Steps" }).locator("[aria-current=step]")).toHaveText(
    "1. Template",
  );
  await chooseTemplate(page, template);

  // Setup Attributes: the required extension is asked for beside its field.
  const next = page.getByRole("button", { name: "Next" });
  await waitForHydration(next);
  await next.click();
  await expectFieldError(page, "Extension", "Enter Extension.");
  await expect(page).toHaveURL(/\/attributes$/);
  await page.getByLabel("Extension", { exact: true }).fill("201");
  await next.click();
  await page.waitForURL(/\/preview$/);

  // The preview says exactly what Save will make.
  await expect(page.getByRole("list", { name: "Steps" }).locator("[aria-current=step]")).toHaveText(
    "3. Preview",
  );
  const planned = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ hasNotText: /^\d\. / });
  await expect(planned).toHaveText([
    "Extension 201",
    "Device: Ada softphone, softphone",
    "Voicemail box: 201",
    `Phone number: the next spare one (now ${taken})`,
    "Ring the seat's devices for 20 seconds",
    "Voicemail box 201",
  ]);
  await finishSeat(page);

  await expect(page).toHaveURL(/\/users\/new\?draft=/);
  await expect(page.getByLabel("User Name")).toHaveValue(user.userName);
  await expect(page.getByLabel("First Name")).toHaveValue("Ada");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  // A draft never keeps a password: it is typed again before Save.
  await expect(page.getByLabel("New Password")).toHaveValue("");
  const pending = pendingSeats(page);
  await expect(pending).toContainText(
    `Pending seat in ${instance.name}: template ${template.name} (version 1)`,
  );
  await expect(pending).toContainText("Extension 201");
  await expect(pending).toContainText("Device: Ada softphone, softphone");

  await saveNewUser(page);
  const seats = userSeats(page);
  await expect(seats.getByRole("link", { name: instance.name })).toBeVisible();
  await expect(seats).toContainText(`extension 201 · ${template.name} version 1`);
  await expect(seatFeatures(page)).toHaveText([
    "Device: Ada softphone",
    `Phone number: ${taken}`,
    "Voicemail box: Mailbox 201",
  ]);
  await expect(seats).toContainText(
    "Calls: Ring the seat's devices for 20 seconds, then Voicemail box 201.",
  );

  // The instance's features say whose they are; one spare number is left.
  await page.goto(featuresUrl(instance));
  for (const name of ["Ada softphone", "Mailbox 201", taken]) {
    await expect(featureRow(page, name).getByRole("cell").last()).toHaveText(user.displayName);
  }
  await expect(featureRow(page, left).getByRole("cell").last()).toHaveText("Spare");
  await expectSparePhoneNumbers(page, instance, 1);
});

test("Save makes the user and the seat together or not at all: an extension taken meanwhile saves nothing", async ({
  page,
  browser,
}) => {
  const instance = await createInstance(page, "Atomic");
  await addSparePhoneNumber(page, instance);
  const template = await sharedTemplate(page);

  await openNewUserForm(page);
  const user = await fillNewUser(page, "atomic", "Grace");
  await buildPendingSeat(page, { instance, template, extension: "301" });

  // Meanwhile another Administrator gives extension 301 to a conference room.
  const other = await adminPage(browser);
  const room = uniqueName("Boardroom");
  await addConferenceRoom(other, instance, room, "301");
  await other.context().close();

  await page.getByLabel("New Password").fill(userPassword);
  await page.getByRole("button", { name: "Save" }).click();
  const message = `Extension 301 is already used by conference room ${room}.`;
  const phoneSystem = page.getByRole("group", { name: "Phone system" });
  await expect(phoneSystem.getByRole("alert")).toHaveText(`Nothing was saved. ${message}`);
  await expect(phoneSystem).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  await expect(page).toHaveURL(/\/users\/new\?draft=/);
  await expect(page.getByLabel("User Name")).toHaveValue(user.userName);
  await expect(page.getByLabel("First Name")).toHaveValue(user.firstName);
  await expect(page.getByLabel("Last Name")).toHaveValue(user.lastName);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await expect(pendingSeats(page)).toContainText(`Pending seat in ${instance.name}`);

  // No user, and the seat's features were not made either.
  const look = await page.context().newPage();
  await look.goto(`/users?q=${user.userName}`);
  await expect(look.getByText("No users match your search")).toBeVisible();
  await look.goto(featuresUrl(instance));
  await expect(featureRow(look, "Grace softphone")).toHaveCount(0);
  await expect(featureRow(look, room)).toBeVisible();
  await expectSparePhoneNumbers(look, instance, 1);
  await look.close();
});

test("Add puts a spare device on a user's existing seat at Save", async ({ page }) => {
  const instance = await createInstance(page, "Adds");
  await addSparePhoneNumber(page, instance);
  const template = await sharedTemplate(page);
  const user = await createSeatedUser(page, {
    prefix: "adder",
    instance,
    template,
    extension: "401",
  });
  const device = uniqueName("Handset");
  await addSpareDevice(page, instance, device, "Mobile");

  await page.goto(`/users/${user.id}`);
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await startSeatStep(page, instance, "Add");
  await expect(
    page.getByRole("heading", { name: `Add features · ${instance.name}` }),
  ).toBeVisible();
  const addToSeat = page.getByRole("button", { name: "Add to the seat" });
  await waitForHydration(addToSeat);
  await page.getByRole("checkbox", { name: new RegExp(`${escapeRegExp(device)}$`) }).check();
  await addToSeat.click();

  await page.waitForURL(new RegExp(`/users/${user.id}\\?draft=`));
  const pending = pendingSeats(page);
  await expect(pending).toContainText(`Pending seat in ${instance.name}: spare features added`);
  await expect(pending).toContainText(device);
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User saved");

  const seats = userSeats(page);
  await expect(seats).toContainText(`${instance.name} · extension 401`);
  await expect(seatFeatures(page)).toContainText([
    "Device: Ada softphone",
    `Device: ${device}`,
    "Voicemail box: Mailbox 401",
  ]);
  await page.goto(featuresUrl(instance, "devices"));
  await expect(featureRow(page, device).getByRole("cell").last()).toHaveText(user.displayName);
});

test("a User forces a rebuild and sees the instance become Active again without reloading", async ({
  page,
  browser,
}) => {
  const instance = await createInstance(page, "Rebuilt");
  const member = await createUser(page, "rebuilder");
  const memberPage = await signedInPage(browser, member.userName, member.password);

  await memberPage.goto(`/instances/${instance.id}`);
  const details = instanceDetails(memberPage, instance);
  const status = instanceFact(details, "Status");
  await expect(status).toHaveText("Active");
  await expect(instanceFact(details, "Last rebuilt")).toHaveText("Never");
  // The User baseline may view and rebuild, nothing more.
  await expect(details.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(details.getByRole("link", { name: "Edit" })).toHaveCount(0);

  const rebuild = details.getByRole("button", { name: "Force Rebuild" });
  await waitForHydration(rebuild);
  await rebuild.click();
  await expectToast(memberPage, "Rebuild started");
  await expect(status).toContainText("Rebuilding");
  await expect(status).toContainText(`by ${member.userName}`);
  await expect(status).toContainText("This page updates by itself when it finishes.");
  // The embedded provisioning finishes about 3 s after the request; the page polls.
  await expect(status).toHaveText("Active", { timeout: 20_000 });
  await expect(instanceFact(details, "Last rebuilt").locator("time")).toHaveText(/ UTC$/);

  // Twice in quick succession: the second press finds the first still running.
  await waitForHydration(rebuild);
  await rebuild.click();
  await rebuild.click();
  await expectToast(memberPage, /^A rebuild is already running since .+ UTC\.$/);
  await expect(status).toContainText("Rebuilding");
  await expect(status).toHaveText("Active", { timeout: 20_000 });
  await memberPage.context().close();
});

test("deleting a user with a seat asks about their features; Release deletes the device and frees the number", async ({
  page,
}) => {
  const instance = await createInstance(page, "Leavers");
  const number = await addSparePhoneNumber(page, instance);
  const template = await sharedTemplate(page);
  const user = await createSeatedUser(page, {
    prefix: "leaver",
    instance,
    template,
    extension: "601",
  });
  await page.goto(featuresUrl(instance));
  await expect(featureRow(page, "Ada softphone").getByRole("cell").last()).toHaveText(
    user.displayName,
  );

  await page.goto(`/users?q=${user.userName}`);
  const trash = page.getByRole("link", { name: `Delete ${user.userName}` });
  await waitForHydration(trash);
  await trash.click();
  const dialog = page.getByRole("dialog", { name: `Delete user ${user.userName}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "Keep their features as spares" })).toBeChecked();
  await dialog.getByRole("radio", { name: "Release their features" }).check();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expectToast(page, "User deleted");

  await page.goto(featuresUrl(instance));
  await expect(featureRow(page, "Ada softphone")).toHaveCount(0);
  await expect(featureRow(page, "Mailbox 601")).toHaveCount(0);
  await expect(featureRow(page, number).getByRole("cell").last()).toHaveText("Spare");
  await expectSparePhoneNumbers(page, instance, 1);
});

test("the instance, feature and template pages have no serious accessibility violations", async ({
  page,
}) => {
  const instance = await createInstance(page, "Access");
  await expectNoSeriousViolations(page, "an instance's details");
  await addSparePhoneNumber(page, instance);
  await page.goto("/instances");
  await expectNoSeriousViolations(page, "the Instance List");
  await page.goto(featuresUrl(instance));
  await expectNoSeriousViolations(page, "an instance's features");
  await openNewFeatureForm(page, instance, "voicemail-boxes");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Mailbox number")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousViolations(page, "the new voicemail box form, with errors");
  await page.goto("/templates");
  await expectNoSeriousViolations(page, "the Template List");
  await page.goto("/templates/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await expectNoSeriousViolations(page, "the new template form");
});

test("every step of the seat wizard and the user form with a pending seat have no serious accessibility violations", async ({
  page,
}) => {
  const instance = await createInstance(page, "Wizardry");
  await addSparePhoneNumber(page, instance);
  const template = await sharedTemplate(page);

  await openNewUserForm(page);
  await fillNewUser(page, "axe");
  await startSeatStep(page, instance, "Apply Template");
  await expectNoSeriousViolations(page, "the wizard's Template step");
  await chooseTemplate(page, template);
  await page.getByRole("button", { name: "Next" }).click();
  await expectFieldError(page, "Extension", "Enter Extension.");
  await expectNoSeriousViolations(page, "the wizard's Setup Attributes step, with an error");
  await fillSeatAttributes(page, "701");
  await expectNoSeriousViolations(page, "the wizard's Preview step");
  await finishSeat(page);
  await expect(pendingSeats(page)).toBeVisible();
  await expectNoSeriousViolations(page, "the user form with a pending seat");
  await startSeatStep(page, instance, "Add");
  await expectNoSeriousViolations(page, "the Add features step");
});
