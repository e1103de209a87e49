import { describe, expect, it } from "vitest";
import { createTestAccount, createTestUser } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { listUsers } from "./list-users";

withTestDatabase();

describe("listUsers", () => {
  it("lists the account's active users by user name", async () => {
    const { admin } = await createTestAccount();
    await createTestUser(admin, { userName: "zed-user" });
    await createTestUser(admin, { userName: "amy-user" });
    const page = await listUsers({ actor: admin, query: { status: "active", q: "" } });
    const names = page.rows.map((row) => row.userName);
    expect(names).toContain("amy-user");
    expect(names.indexOf("amy-user")).toBeLessThan(names.indexOf("zed-user"));
  });
});
