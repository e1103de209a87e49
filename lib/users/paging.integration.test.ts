import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createTestAccount, insertTestUsers } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { countUsers } from "./count-users";
import { listUsers, type UserListPage, userPageSize } from "./list-users";
import type { UserListQuery, UserListSort } from "./schemas";
import { decodeUserListCursor, encodeUserListCursor } from "./user-list-cursor";

withTestDatabase();

let admin: Actor;
let other: Actor;
/** The account's active user names in the order the list must show them. */
let expectedOrder: string[];

const pad = (i: number) => i.toString().padStart(3, "0");

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: other } = await createTestAccount());
  // 120 active users, in mixed letter case so the order must ignore case.
  const active = Array.from({ length: 120 }, (_, i) => ({
    userName: `${i % 2 === 0 ? "Page" : "page"}${pad(i)}`,
    firstName: i % 10 === 3 ? "Quentin" : "First",
    lastName: i % 25 === 7 ? "Zamora" : "Last",
    ...(i === 77 ? { email: "unique.mailbox@elsewhere.test" } : {}),
  }));
  const inactive = Array.from({ length: 5 }, (_, i) => ({
    userName: `gone${pad(i)}`,
    firstName: "Quentin",
    active: false,
  }));
  // Inserted shuffled so that insertion order cannot pass for user-name order.
  await insertTestUsers(
    admin.accountId,
    [...active, ...inactive].sort(() => Math.random() - 0.5),
  );
  await insertTestUsers(other.accountId, [{ userName: "page500", firstName: "Quentin" }]);
  expectedOrder = [admin.userName, ...active.map((user) => user.userName)].sort((a, b) =>
    a.toLowerCase() < b.toLowerCase() ? -1 : 1,
  );
});

function list(query: Partial<UserListQuery> = {}): Promise<UserListPage> {
  return listUsers({ actor: admin, query: { status: "active", q: "", ...query } });
}

const names = (page: UserListPage) => page.rows.map((row) => row.userName);

describe("listUsers paging", () => {
  it("walks forward 50 users at a time without gaps or repeats", async () => {
    const first = await list();
    expect(first.rows).toHaveLength(userPageSize);
    expect(first.previousBefore).toBeUndefined();
    expect(decodeUserListCursor(first.nextAfter)?.value).toBe(names(first).at(-1)?.toLowerCase());

    const second = await list({ after: first.nextAfter });
    expect(second.rows).toHaveLength(userPageSize);
    expect(decodeUserListCursor(second.previousBefore)?.value).toBe(
      names(second)[0]?.toLowerCase(),
    );

    const third = await list({ after: second.nextAfter });
    expect(third.rows).toHaveLength(21);
    expect(third.nextAfter).toBeUndefined();

    const walked = [first, second, third].flatMap(names);
    expect(walked).toEqual(expectedOrder);
    expect(new Set(walked).size).toBe(121);
  });

  it("walks back from the last page to the first, showing the same pages", async () => {
    const forward: UserListPage[] = [await list()];
    while (forward.at(-1)?.nextAfter)
      forward.push(await list({ after: forward.at(-1)?.nextAfter }));
    expect(forward).toHaveLength(3);

    const backward: UserListPage[] = [forward[2]!];
    while (backward.at(-1)?.previousBefore) {
      backward.push(await list({ before: backward.at(-1)?.previousBefore }));
    }
    expect(backward.map(names)).toEqual([...forward].reverse().map(names));
    // Coming back to a middle page from either side offers both directions again.
    expect(backward[1]?.nextAfter).toBe(forward[1]?.nextAfter);
    expect(backward[1]?.previousBefore).toBe(forward[1]?.previousBefore);
    expect(backward[2]?.previousBefore).toBeUndefined();
  });

  it("pages through search results the same way", async () => {
    const first = await list({ q: "PAGE" });
    const second = await list({ q: "PAGE", after: first.nextAfter });
    const third = await list({ q: "PAGE", after: second.nextAfter });
    expect([first, second, third].map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect(third.nextAfter).toBeUndefined();
    expect([first, second, third].flatMap(names)).toEqual(
      expectedOrder.filter((name) => name !== admin.userName),
    );
  });
});

describe("listUsers search", () => {
  it("finds users by part of their first name, in any letter case", async () => {
    const page = await list({ q: "QUENT" });
    expect(names(page)).toEqual(expectedOrder.filter((name) => Number(name.slice(4)) % 10 === 3));
    expect(page.rows).toHaveLength(12);
  });

  it("finds users by part of their last name", async () => {
    expect(names(await list({ q: "amor" }))).toEqual([
      "page007",
      "Page032",
      "page057",
      "Page082",
      "page107",
    ]);
  });

  it("finds users by part of their email", async () => {
    expect(names(await list({ q: "mailbox@elsew" }))).toEqual(["page077"]);
  });

  it("finds users by part of their user name", async () => {
    expect(names(await list({ q: "ge01" }))).toHaveLength(10);
  });

  it("treats % and _ in a search as plain characters", async () => {
    expect((await list({ q: "%" })).rows).toEqual([]);
    expect((await list({ q: "page_01" })).rows).toEqual([]);
  });

  it("finds nothing when nothing matches", async () => {
    const page = await list({ q: "no such person" });
    expect(page).toEqual({ rows: [], nextAfter: undefined, previousBefore: undefined });
  });
});

describe("listUsers status", () => {
  it("lists only inactive users when asked for inactive ones", async () => {
    const page = await list({ status: "inactive" });
    expect(names(page)).toEqual(["gone000", "gone001", "gone002", "gone003", "gone004"]);
    expect(page.nextAfter).toBeUndefined();
  });

  it("searches inactive users on their own", async () => {
    expect(names(await list({ status: "inactive", q: "quentin" }))).toHaveLength(5);
    expect(names(await list({ q: "gone" }))).toEqual([]);
  });
});

describe("listUsers sorting", () => {
  const columns: UserListSort[] = ["userName", "firstName", "lastName", "email"];

  async function walk(query: Partial<UserListQuery>): Promise<UserListPage[]> {
    const pages = [await list(query)];
    while (pages.at(-1)?.nextAfter)
      pages.push(await list({ ...query, after: pages.at(-1)?.nextAfter }));
    return pages;
  }

  for (const sort of columns) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages through every active user by ${sort} ${dir}, ties broken by id, backwards too`, async () => {
        const forward = await walk({ sort, dir });
        const rows = forward.flatMap((page) => page.rows);
        expect(rows).toHaveLength(121);
        expect(new Set(rows.map((row) => row.id)).size).toBe(121);
        const keys = rows.map((row) => [row[sort].toLowerCase(), row.id] as const);
        const sorted = [...keys].sort((a, b) =>
          a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1,
        );
        expect(keys).toEqual(dir === "asc" ? sorted : sorted.reverse());
        // Back from the last page gives the same pages.
        const backward = [forward.at(-1)!];
        while (backward.at(-1)?.previousBefore) {
          backward.push(await list({ sort, dir, before: backward.at(-1)?.previousBefore }));
        }
        expect(backward.map(names)).toEqual([...forward].reverse().map(names));
      });
    }
  }

  it("opens the page that starts at one user, with a way back", async () => {
    const all = (await walk({ sort: "lastName" })).flatMap((page) => page.rows);
    const target = all[77]!;
    const at = encodeUserListCursor({ value: target.lastName.toLowerCase(), id: target.id });
    const page = await list({ sort: "lastName", at });
    expect(page.rows[0]?.id).toBe(target.id);
    expect(page.rows).toHaveLength(44);
    const before = await list({ sort: "lastName", before: page.previousBefore });
    expect(before.rows.at(-1)?.id).toBe(all[76]?.id);
    const first = all[0]!;
    const atFirst = await list({
      sort: "lastName",
      at: encodeUserListCursor({ value: first.lastName.toLowerCase(), id: first.id }),
    });
    expect(atFirst.previousBefore).toBeUndefined();
  });

  it("ignores a cursor that was tampered with", async () => {
    const page = await list({ after: "not-a-cursor" });
    expect(names(page)).toEqual(expectedOrder.slice(0, 50));
  });
});

describe("countUsers", () => {
  it("counts active and inactive users, kept by the database as users change", async () => {
    expect(await countUsers({ actor: admin, q: "" })).toEqual({
      active: 121,
      inactive: 5,
      capped: false,
    });
    const [extra] = await insertTestUsers(admin.accountId, [{ userName: "counted-later" }]);
    expect((await countUsers({ actor: admin, q: "" })).active).toBe(122);
    const { getDb } = await import("@/db/client");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await getDb().update(users).set({ active: false }).where(eq(users.id, extra!.id));
    expect(await countUsers({ actor: admin, q: "" })).toMatchObject({ active: 121, inactive: 6 });
    await getDb()
      .update(users)
      .set({ title: "No change in Active" })
      .where(eq(users.id, extra!.id));
    await getDb().delete(users).where(eq(users.id, extra!.id));
    expect(await countUsers({ actor: admin, q: "" })).toMatchObject({ active: 121, inactive: 5 });
  });

  it("counts a search's matches in each status", async () => {
    expect(await countUsers({ actor: admin, q: "quentin" })).toEqual({
      active: 12,
      inactive: 5,
      capped: false,
    });
    expect(await countUsers({ actor: other, q: "" })).toMatchObject({ active: 2, inactive: 0 });
  });
});
