import { expect, type Page } from "@playwright/test";

/**
 * The hidden fields (the server action's id among them) of a user's delete confirmation
 * page, as an Administrator sees it: what a crafted post by someone else would replay.
 */
export async function deleteFormFields(
  page: Page,
  userId: string,
): Promise<Record<string, string>> {
  await page.goto(`/users/${userId}/delete`);
  const form = page.locator("form", {
    has: page.getByRole("button", { name: "Delete", exact: true }),
  });
  const fields = await form.evaluate((element) =>
    Object.fromEntries(
      [...element.querySelectorAll<HTMLInputElement>("input[type=hidden]")].map((input) => [
        input.name,
        input.value,
      ]),
    ),
  );
  expect(Object.keys(fields).some((name) => name.startsWith("$ACTION"))).toBe(true);
  expect(fields.id).toBe(userId);
  return fields;
}
