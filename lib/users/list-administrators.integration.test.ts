import { describe, expect, it } from "vitest";
import {
  createTestAccount,
  createTestUser,
  insertTestUsers,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { administratorsShown, listAdministrators } from "./list-administrators";

withTestDatabase();

describe("listAdministrators", () => {
  it("names the account's active Administrators by user name, with their email", async () => {
    const { account, admin } = await createTestAccount();
    const { actor: plainUser } = await createTestUser(admin, { userName: uniqueName("plain") });
    const [ada] = await insertTestUsers(account.id, [
      {
        userName: `aa-${uniqueName("ada")}`,
        firstName: "Ada",
        lastName: "Lovelace",
        role: "administrator",
      },
      { userName: uniqueName("gone"), role: "administrator", active: false },
      { userName: uniqueName("helper"), role: "user" },
    ]);

    // A User who may do nothing in particular still learns whom to ask.
    const { administrators, more } = await listAdministrators({ actor: plainUser });
    expect(administrators.map((row) => row.userName)).toEqual([ada?.userName, admin.userName]);
    expect(administrators[0]).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      email: `${ada?.userName}@example.test`,
    });
    expect(more).toBe(false);
  });

  it("never names another account's Administrators", async () => {
    const { admin } = await createTestAccount();
    const { admin: strangerAdmin } = await createTestAccount();
    const { actor } = await createTestUser(admin);
    const names = (await listAdministrators({ actor })).administrators.map((row) => row.userName);
    expect(names).toEqual([admin.userName]);
    expect(names).not.toContain(strangerAdmin.userName);
  });

  it(`names at most ${administratorsShown} and says there are more`, async () => {
    const { account, admin } = await createTestAccount();
    await insertTestUsers(
      account.id,
      Array.from({ length: administratorsShown }, () => ({
        userName: uniqueName("boss"),
        role: "administrator" as const,
      })),
    );
    const { administrators, more } = await listAdministrators({ actor: admin });
    expect(administrators).toHaveLength(administratorsShown);
    expect(more).toBe(true);
  });
});
