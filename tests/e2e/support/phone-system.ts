import { expect, type Locator, type Page } from "@playwright/test";
import { userPassword } from "./accounts";
import { waitForHydration } from "./hydration";
import { escapeRegExp, expectToast, uniqueName } from "./users";

// Phone-system data made through the portal's own forms, as an Administrator would. They
// work with scripts on (the usual way to set up a test) and off alike.

export type TestInstance = { id: string; name: string };
export type TestTemplate = { id: string; name: string };
export type SeatedUser = {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  /** "First Last", as feature lists name the holder of a seat. */
  displayName: string;
  email: string;
  password: string;
};

const uuid = "[0-9a-f-]{36}";

function idAt(url: string, index: number): string {
  const id = new URL(url).pathname.split("/")[index];
  if (!id || !new RegExp(`^${uuid}$`).test(id)) throw new Error(`No id at ${index} in ${url}`);
  return id;
}

// Phone numbers are unique in the account: a random area code and line in the 555 exchange
// (every one of these is a valid US number) keeps tests and reruns on one database apart.
const areaCodes = [201, 202, 206, 212, 213, 303, 305, 312, 404, 415, 503, 512, 617, 646, 702, 718];

/** A valid phone number, written as the portal displays it: "+1 212 555 0137". */
export function uniquePhoneNumber(): string {
  const area = areaCodes[Math.floor(Math.random() * areaCodes.length)];
  const line = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  return `+1 ${area} 555 ${line}`;
}

/** Creates an instance through its form; the details page is open afterwards. */
export async function createInstance(page: Page, prefix = "Instance"): Promise<TestInstance> {
  const name = uniqueName(prefix);
  await page.goto("/instances/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Region").selectOption({ label: "EU West (Ireland)" });
  await page.getByLabel("Notes").fill("Made by a browser test.");
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Instance saved");
  await page.waitForURL(new RegExp(`/instances/${uuid}$`));
  return { id: idAt(page.url(), 2), name };
}

/** An instance's details pane, named by the instance. */
export function instanceDetails(page: Page, instance: TestInstance): Locator {
  return page.getByRole("region", { name: instance.name, exact: true });
}

/** One fact of an instance's details ("Status", "Last rebuilt"), as its value cell. */
export function instanceFact(details: Locator, term: string): Locator {
  return details
    .locator("dl > div")
    .filter({ has: details.page().locator("dt", { hasText: new RegExp(`^${term}$`) }) })
    .locator("dd");
}

export function featuresUrl(instance: TestInstance, kindSlug?: string): string {
  return `/instances/${instance.id}/features${kindSlug ? `?kind=${kindSlug}` : ""}`;
}

/** Opens the New form of one feature kind ("phone-numbers", "devices", …). */
export async function openNewFeatureForm(page: Page, instance: TestInstance, kindSlug: string) {
  await page.goto(`/instances/${instance.id}/features/new?kind=${kindSlug}`);
  await waitForHydration(page.getByRole("button", { name: "Save" }));
}

/** Adds a phone number no seat has (a spare); returns it as the portal shows it. */
export async function addSparePhoneNumber(
  page: Page,
  instance: TestInstance,
  number = uniquePhoneNumber(),
): Promise<string> {
  await openNewFeatureForm(page, instance, "phone-numbers");
  await page.getByLabel("Phone number", { exact: true }).fill(number);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, `Phone number ${number} saved`);
  return number;
}

/** Adds a spare device of the given kind ("Softphone", "Desk phone", "Mobile"). */
export async function addSpareDevice(
  page: Page,
  instance: TestInstance,
  name: string,
  kind = "Mobile",
): Promise<void> {
  await openNewFeatureForm(page, instance, "devices");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind", { exact: true }).selectOption({ label: kind });
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, `Device ${name} saved`);
}

export async function addConferenceRoom(
  page: Page,
  instance: TestInstance,
  name: string,
  extension: string,
): Promise<void> {
  await openNewFeatureForm(page, instance, "conference-rooms");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Extension", { exact: true }).fill(extension);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, `Conference room ${name} saved`);
}

/** A repeated row of the template form: "Attribute 1", "Feature 2", "Step 1". */
export function templateRow(page: Page, legend: string): Locator {
  return page.getByRole("group", { name: legend, exact: true });
}

/** The voicemail PIN the helper's template gives every mailbox. */
export const templateVoicemailPin = "4826";

/**
 * Creates, through the template form, the template the phone-system tests apply: a required
 * Extension attribute keyed `extension`; a softphone named "{{firstName}} softphone", a
 * voicemail box numbered {{extension}} and a phone number taken from the spares; calls ring
 * the devices for 20 seconds, then go to voicemail.
 */
export async function createSeatTemplate(page: Page, prefix = "Seat"): Promise<TestTemplate> {
  const name = uniqueName(prefix);
  await page.goto("/templates/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
  // Filled first: until a feature row has a kind, this is the form's only Name.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description").fill("A softphone, a mailbox and a spare number.");

  const attribute = templateRow(page, "Attribute 1");
  await attribute.getByLabel("Key", { exact: true }).fill("extension");
  await attribute.getByLabel("Label", { exact: true }).fill("Extension");
  await attribute.getByLabel("Type", { exact: true }).selectOption({ label: "Extension" });
  await attribute.getByLabel("Required", { exact: true }).check();
  await attribute.getByLabel("Help text", { exact: true }).fill("The seat's extension.");

  // Two blank feature rows are offered; the third comes from More rows.
  await page.getByRole("button", { name: "More feature rows" }).click();
  await expect(templateRow(page, "Feature 3")).toBeVisible();

  const device = templateRow(page, "Feature 1");
  await device.getByLabel("Kind", { exact: true }).selectOption({ label: "Device" });
  await device.getByLabel("Source", { exact: true }).selectOption({ label: "Create new" });
  await device.getByLabel("Name", { exact: true }).fill("{{firstName}} softphone");
  await device.getByLabel("Device kind", { exact: true }).fill("softphone");

  const mailbox = templateRow(page, "Feature 2");
  await mailbox.getByLabel("Kind", { exact: true }).selectOption({ label: "Voicemail box" });
  await mailbox.getByLabel("Mailbox number", { exact: true }).fill("{{extension}}");
  await mailbox.getByLabel("PIN", { exact: true }).fill(templateVoicemailPin);

  const number = templateRow(page, "Feature 3");
  await number.getByLabel("Kind", { exact: true }).selectOption({ label: "Phone number" });
  await number.getByLabel("Source", { exact: true }).selectOption({ label: "Take a spare" });

  const ring = templateRow(page, "Step 1");
  await ring.getByLabel("Step", { exact: true }).selectOption({ label: "Ring devices" });
  await ring.getByLabel("Value", { exact: true }).fill("20");
  await templateRow(page, "Step 2")
    .getByLabel("Step", { exact: true })
    .selectOption({ label: "Voicemail" });

  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Template saved");
  await page.waitForURL(new RegExp(`/templates/${uuid}$`));
  return { id: idAt(page.url(), 2), name };
}

/** Opens the new user form, ready for typing (hydrated when scripts run). */
export async function openNewUserForm(page: Page) {
  await page.goto("/users/new");
  await waitForHydration(page.getByRole("button", { name: "Save" }));
}

/** Chooses an instance in the user form's Phone system section and presses Add or Apply Template. */
export async function startSeatStep(
  page: Page,
  instance: TestInstance,
  button: "Add" | "Apply Template",
) {
  await page.getByLabel("Instance", { exact: true }).selectOption({ label: instance.name });
  await page.getByRole("button", { name: button, exact: true }).click();
  const step = button === "Add" ? "add" : "template";
  await page.waitForURL(new RegExp(`/users/seat/${uuid}/${step}$`));
}

/** The wizard's first step: picks the template by name and goes on to Setup Attributes. */
export async function chooseTemplate(page: Page, template: TestTemplate) {
  const next = page.getByRole("button", { name: "Next" });
  await waitForHydration(next);
  await page
    .getByRole("radio", { name: new RegExp(`^${escapeRegExp(template.name)} version`) })
    .check();
  await next.click();
  await page.waitForURL(/\/attributes$/);
}

/** Setup Attributes with an extension, then the preview. */
export async function fillSeatAttributes(page: Page, extension: string) {
  const next = page.getByRole("button", { name: "Next" });
  await waitForHydration(next);
  await page.getByLabel("Extension", { exact: true }).fill(extension);
  await next.click();
  await page.waitForURL(/\/preview$/);
}

/** Finish on the preview: back on the user form, which now holds the pending seat. */
export async function finishSeat(page: Page) {
  await page.getByRole("button", { name: "Finish" }).click();
  await page.waitForURL(/\/users\/(new|[0-9a-f-]{36})\?draft=/);
  await waitForHydration(page.getByRole("button", { name: "Save" }));
}

/** The user form's list of seats Save will create. */
export function pendingSeats(page: Page): Locator {
  return page.getByRole("list", { name: "Seats to create at Save" });
}

/** The whole wizard from the user form: Apply Template, the template, the extension, Finish. */
export async function buildPendingSeat(
  page: Page,
  {
    instance,
    template,
    extension,
  }: { instance: TestInstance; template: TestTemplate; extension: string },
) {
  await startSeatStep(page, instance, "Apply Template");
  await chooseTemplate(page, template);
  await fillSeatAttributes(page, extension);
  await finishSeat(page);
  await expect(pendingSeats(page)).toContainText(`Pending seat in ${instance.name}`);
}

/** Types the person's fields of a new user (the password is typed at Save). */
export async function fillNewUser(page: Page, prefix: string, firstName = "Ada") {
  const userName = uniqueName(prefix);
  const lastName = `Tester ${userName}`;
  const user = {
    userName,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    email: `${userName}@example.test`,
    password: userPassword,
  };
  await page.getByLabel("User Name").fill(user.userName);
  await page.getByLabel("First Name").fill(user.firstName);
  await page.getByLabel("Last Name").fill(user.lastName);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  return user;
}

/** Types the password again (a draft never keeps it) and saves the new user. */
export async function saveNewUser(page: Page, password = userPassword): Promise<string> {
  await page.getByLabel("New Password").fill(password);
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "User created");
  await page.waitForURL(new RegExp(`/users/${uuid}\\?`));
  return idAt(page.url(), 2);
}

/** A new user with a seat from `template` in `instance` (which needs a spare number). */
export async function createSeatedUser(
  page: Page,
  options: { prefix: string; instance: TestInstance; template: TestTemplate; extension: string },
): Promise<SeatedUser> {
  await openNewUserForm(page);
  const user = await fillNewUser(page, options.prefix);
  await buildPendingSeat(page, options);
  const id = await saveNewUser(page);
  return { id, ...user };
}

/** The Seats section of a user's details. */
export function userSeats(page: Page): Locator {
  return page.getByRole("region", { name: "Seats", exact: true });
}

/** The features listed under the user's seats ("Device: Ada softphone"), in order. */
export function seatFeatures(page: Page): Locator {
  return userSeats(page)
    .getByRole("listitem")
    .filter({
      hasText: /^(Phone number|Device|Conference room|Fax machine|Ring group|Voicemail box):/,
    });
}

/** A feature's row in an instance's feature list, found by its name. */
export function featureRow(page: Page, name: string): Locator {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** The phone numbers of the instance no seat has, counted on its Phone numbers tab. */
export async function expectSparePhoneNumbers(page: Page, instance: TestInstance, count: number) {
  await page.goto(featuresUrl(instance, "phone-numbers"));
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ has: page.getByText("Spare", { exact: true }) })).toHaveCount(count);
}
