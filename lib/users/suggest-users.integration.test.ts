import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { suggestUsers } from "./suggest-users";

withTestDatabase();

let admin: Actor;
let other: Actor;
// Unique to this run, so names of other files' users never match.
const tag = uniqueName("sg").replace("-", "");
const pad = (i: number) => i.toString().padStart(3, "0");

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: other } = await createTestAccount());
  // Seventy users in user-name order; the sixtieth is past what a first page of 50 offers.
  await insertTestUsers(
    admin.accountId,
    Array.from({ length: 70 }, (_, i) => ({
      userName: `${tag}-u${pad(i)}`,
      firstName: "Test",
      lastName: "Person",
      email: `${tag}-person${pad(i)}@corp.example`,
      ...(i === 59
        ? { firstName: "Zoe", lastName: `Allen${tag}`, email: `zoe.allen.${tag}@late.example` }
        : {}),
    })),
  );
  await insertTestUsers(admin.accountId, [
    { userName: `${tag}-olivia`, firstName: "Olivia", lastName: `Brown${tag}` },
    { userName: `${tag}-bolivian`, firstName: "Ana", lastName: `Olivera${tag}` },
    { userName: `${tag}-x-olivia-gone`, firstName: "Olivia", lastName: "Old", active: false },
    { userName: `${tag}-aaa`, firstName: "Carl", lastName: `Zolivia${tag}` },
    { userName: `${tag}-pct`, firstName: "Percent", lastName: "Sign", email: `a%b${tag}@x.test` },
  ]);
  // Another organization's people share the fragments but must never be offered.
  await insertTestUsers(other.accountId, [
    { userName: `${tag}-olivia-elsewhere`, firstName: "Olivia", lastName: `Brown${tag}` },
    {
      userName: `${tag}-zoe-elsewhere`,
      firstName: "Zoe",
      lastName: `Allen${tag}`,
      email: `zoe.allen.${tag}@elsewhere.example`,
    },
  ]);
});

const names = async (q: string, actor = admin, limit?: number) =>
  (await suggestUsers({ actor, q, limit })).users.map((user) => user.userName);

describe("suggestUsers", () => {
  it("finds the 60th user by a fragment of their email", async () => {
    const { users } = await suggestUsers({ actor: admin, q: `allen.${tag}@LATE` });
    expect(users.map((user) => user.userName)).toEqual([`${tag}-u059`]);
    expect(users[0]).toMatchObject({ firstName: "Zoe", email: `zoe.allen.${tag}@late.example` });
  });

  it("finds a user by full name, marked exact, ignoring letter case and extra spaces", async () => {
    const { users } = await suggestUsers({ actor: admin, q: `  zoe   ALLEN${tag} ` });
    expect(users).toEqual([
      expect.objectContaining({ userName: `${tag}-u059`, exact: true, active: true }),
    ]);
  });

  it("finds users by first name, last name or user name", async () => {
    expect(await names(`brown${tag}`)).toEqual([`${tag}-olivia`]);
    expect(await names("zoe")).toContain(`${tag}-u059`);
    expect(await names(`${tag}-u06`)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${tag}-u${pad(60 + i)}`),
    );
  });

  it("puts an exact match first, then words that start with the text, then the rest, inactive last", async () => {
    expect(await names(`${tag}-olivia`)).toEqual([`${tag}-olivia`]);
    // "Olivia Brown" and "Ana Olivera" start a word with "oliv"; "-bolivian" and "Zolivia"
    // only contain it; the inactive Olivia Old comes last.
    const olivia = await suggestUsers({ actor: admin, q: "oliv" });
    const ours = olivia.users.filter((user) => user.userName.startsWith(tag));
    expect(ours.map((user) => user.userName)).toEqual([
      `${tag}-bolivian`,
      `${tag}-olivia`,
      `${tag}-aaa`,
      `${tag}-x-olivia-gone`,
    ]);
    expect(ours.map((user) => user.exact)).toEqual([false, false, false, false]);
    const exactName = await suggestUsers({ actor: admin, q: `Olivia Brown${tag}` });
    expect(exactName.users.map((user) => [user.userName, user.exact])).toEqual([
      [`${tag}-olivia`, true],
    ]);
  });

  it("offers at most the limit and says when more match", async () => {
    const page = await suggestUsers({ actor: admin, q: `${tag}-u` });
    expect(page.users).toHaveLength(10);
    expect(page.more).toBe(true);
    expect(page.users.map((user) => user.userName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${tag}-u${pad(i)}`),
    );
    const few = await suggestUsers({ actor: admin, q: `${tag}-u06`, limit: 50 });
    expect(few.users).toHaveLength(10);
    expect(few.more).toBe(false);
    expect((await suggestUsers({ actor: admin, q: `${tag}-u`, limit: 3 })).users).toHaveLength(3);
  });

  it("takes % and _ literally", async () => {
    expect(await names(`a%b${tag}`)).toEqual([`${tag}-pct`]);
    expect(await names(`${tag}%`)).toEqual([]);
    expect(await names(`${tag}_u`)).toEqual([]);
  });

  it("suggests nothing for empty text", async () => {
    expect(await suggestUsers({ actor: admin, q: "   " })).toEqual({ users: [], more: false });
  });

  it("never offers another organization's users", async () => {
    expect(await names(`zoe.allen.${tag}@elsewhere.example`)).toEqual([]);
    expect(await names(`${tag}-olivia-elsewhere`)).toEqual([]);
    expect(await names(`brown${tag}`)).toEqual([`${tag}-olivia`]);
    expect(await names(`allen${tag}`, other)).toEqual([`${tag}-zoe-elsewhere`]);
  });

  it("is refused without Users → View", async () => {
    const [plain] = await insertTestUsers(admin.accountId, [{ userName: `${tag}-plain` }]);
    const error = await rejectionOf(suggestUsers({ actor: actorFor(plain!), q: "zoe" }));
    expect(error).toBeInstanceOf(ForbiddenError);
    const allowed = {
      ...actorFor(plain!),
      grants: new Map([["users:view" as const, ["Helpdesk"]]]),
    };
    expect((await suggestUsers({ actor: allowed, q: `allen.${tag}` })).users).toHaveLength(1);
  });
});
