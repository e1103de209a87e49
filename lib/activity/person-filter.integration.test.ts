import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { type ActivityKind, accountActivity, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { PermissionKey } from "@/lib/auth/modules";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { listActivity } from "./list-activity";
import { activityQuerySchema } from "./schemas";

withTestDatabase();

// Unique to this file's run, so the fragments match only these people.
const tag = uniqueName("pf").replace("-", "");
let admin: Actor;
let other: Actor;
type Person = { id: string; userName: string };
let oliviaBrown: Person;
let oliviaGreen: Person;
let bob: Person;
let renamed: Person;

async function record(kind: ActivityKind, by: Person, on: Person, accountId = admin.accountId) {
  await getDb().insert(accountActivity).values({
    accountId,
    kind,
    actorUserId: by.id,
    actorLabel: by.userName,
    targetUserId: on.id,
    targetLabel: on.userName,
  });
}

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: other } = await createTestAccount());
  const inserted = await insertTestUsers(admin.accountId, [
    { userName: `${tag}.brown`, firstName: "Olivia", lastName: `Brown${tag}` },
    { userName: `${tag}.green`, firstName: "Olivia", lastName: `Green${tag}` },
    { userName: `${tag}.bob`, firstName: "Bob", lastName: `Stone${tag}` },
    { userName: `${tag}.before-rename`, firstName: "Rena", lastName: `Med${tag}` },
  ]);
  [oliviaBrown, oliviaGreen, bob, renamed] = [
    inserted[0]!,
    inserted[1]!,
    inserted[2]!,
    inserted[3]!,
  ];
  await record("user.updated", oliviaBrown, bob);
  await record("user.updated", oliviaGreen, bob);
  await record("user.inactivated", bob, oliviaBrown);
  await record("user.updated", renamed, bob);
  // Renamed after the row above: the row keeps the old name, the filter follows the user.
  await getDb()
    .update(users)
    .set({ userName: `${tag}.after-rename` })
    .where(eq(users.id, renamed.id));
  // A user since deleted exists only as the names recorded in the rows.
  const [ghost] = await insertTestUsers(admin.accountId, [{ userName: `${tag}.ghost-olivia` }]);
  await record("user.updated", ghost!, bob);
  await getDb().delete(users).where(eq(users.id, ghost!.id));
  // Another organization's Olivia must neither match nor show.
  const [stranger] = await insertTestUsers(other.accountId, [
    { userName: `${tag}.elsewhere`, firstName: "Olivia", lastName: `Brown${tag}` },
  ]);
  await record("user.updated", stranger!, stranger!, other.accountId);
});

async function filtered(values: Record<string, string>, viewer: Actor = admin) {
  const page = await listActivity({ actor: viewer, query: activityQuerySchema.parse(values) });
  return {
    ...page,
    lines: page.rows.map((row) => `${row.actorLabel}>${row.targetLabel}`),
  };
}

describe("Actor and Target filters", () => {
  it("filter by a fragment of a name: every user it matches, and who they are", async () => {
    const page = await filtered({ actor: "OLIVIA" });
    expect(page.lines).toEqual([`${tag}.green>${tag}.bob`, `${tag}.brown>${tag}.bob`]);
    expect(page.people.actor).toEqual({
      text: "OLIVIA",
      by: "users",
      exact: false,
      more: false,
      users: [
        {
          id: oliviaBrown.id,
          userName: `${tag}.brown`,
          firstName: "Olivia",
          lastName: `Brown${tag}`,
        },
        {
          id: oliviaGreen.id,
          userName: `${tag}.green`,
          firstName: "Olivia",
          lastName: `Green${tag}`,
        },
      ],
    });
    expect(page.people.target).toBeUndefined();
  });

  it("filter by a user name, an email or a full name: just that user", async () => {
    for (const text of [`${tag}.brown`, `${tag}.brown@example.test`, `olivia brown${tag}`]) {
      const page = await filtered({ actor: text });
      expect(page.lines).toEqual([`${tag}.brown>${tag}.bob`]);
      expect(page.people.actor).toMatchObject({ by: "users", exact: true });
      expect(page.people.actor?.by === "users" && page.people.actor.users).toHaveLength(1);
    }
    expect((await filtered({ target: `${tag}.BROWN` })).lines).toEqual([`${tag}.bob>${tag}.brown`]);
  });

  it("combines the actor and the target filters", async () => {
    expect((await filtered({ actor: "olivia", target: `stone${tag}` })).lines).toEqual([
      `${tag}.green>${tag}.bob`,
      `${tag}.brown>${tag}.bob`,
    ]);
    expect((await filtered({ actor: `green${tag}`, target: "olivia" })).lines).toEqual([]);
  });

  it("follows a renamed user to the rows recorded under the old name", async () => {
    const page = await filtered({ actor: `${tag}.after-rename` });
    expect(page.lines).toEqual([`${tag}.before-rename>${tag}.bob`]);
    expect(page.rows[0]?.actorUserId).toBe(renamed.id);
  });

  it("falls back to the recorded names for a user since deleted", async () => {
    const page = await filtered({ actor: "ghost-oliv" });
    expect(page.lines).toEqual([`${tag}.ghost-olivia>${tag}.bob`]);
    expect(page.people.actor).toEqual({
      text: "ghost-oliv",
      by: "recorded_names",
      searchedUsers: true,
    });
    expect(page.rows[0]?.actorUserId).toBeNull();
    expect(page.rows[0]?.targetUserId).toBe(bob.id);
  });

  it("matches recorded names for a viewer who may not view users", async () => {
    const [auditor] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("audit") }]);
    const viewer: Actor = {
      ...actorFor(auditor!),
      grants: new Map<PermissionKey, string[]>([["activity:view_all", ["Audit"]]]),
    };
    const page = await filtered({ actor: `${tag}.gr` }, viewer);
    expect(page.lines).toEqual([`${tag}.green>${tag}.bob`]);
    expect(page.people.actor).toEqual({
      text: `${tag}.gr`,
      by: "recorded_names",
      searchedUsers: false,
    });
    // Full names are not in the recorded rows, and the viewer may not look users up.
    expect((await filtered({ actor: `green${tag}` }, viewer)).lines).toEqual([]);
  });

  it("never matches or shows another organization's people", async () => {
    const page = await filtered({ actor: `${tag}.elsewhere` });
    expect(page.lines).toEqual([]);
    expect(page.people.actor).toMatchObject({ by: "recorded_names" });
    const brown = await filtered({ actor: `brown${tag}` });
    expect(brown.people.actor?.by === "users" && brown.people.actor.users).toEqual([
      expect.objectContaining({ id: oliviaBrown.id }),
    ]);
  });
});
