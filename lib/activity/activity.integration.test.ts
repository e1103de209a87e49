import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { type ActivityKind, accountActivity, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { acceptLicence } from "@/lib/licence/accept-licence";
import { findCurrentLicence } from "@/lib/licence/current-licence";
import { defaultLicenceBody } from "@/lib/licence/default-licence";
import { publishLicence } from "@/lib/licence/publish-licence";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { createUser } from "@/lib/users/create-user";
import { deleteUser } from "@/lib/users/delete-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateProfile } from "@/lib/users/update-profile";
import { updateUser } from "@/lib/users/update-user";
import {
  actorFor,
  createTestAccount,
  editInput,
  insertTestUsers,
  profileInput,
  uniqueName,
  userInput,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { activityPageSize, listActivity } from "./list-activity";
import { type ActivityQuery, activityQuerySchema } from "./schemas";

withTestDatabase();

const adminAddress = "203.0.113.5";
let admin: Actor;

beforeAll(async () => {
  const account = await createTestAccount();
  admin = { ...account.admin, clientAddress: adminAddress };
});

/** The activity rows an operation writes in the actor's account. */
async function rowsWrittenBy(accountId: string, operation: () => Promise<unknown>) {
  const db = getDb();
  const [last] = await db
    .select({ id: sql<number>`coalesce(max(${accountActivity.id}), 0)::int` })
    .from(accountActivity);
  await operation();
  return db
    .select()
    .from(accountActivity)
    .where(and(eq(accountActivity.accountId, accountId), gt(accountActivity.id, last?.id ?? 0)))
    .orderBy(asc(accountActivity.id));
}

function query(values: Record<string, string | number> = {}): ActivityQuery {
  return activityQuerySchema.parse(values);
}

describe("activity written by User Manager services", () => {
  it("records one user.created row with the new user's details", async () => {
    let created: { id: string; userName: string } | undefined;
    const rows = await rowsWrittenBy(admin.accountId, async () => {
      created = await createUser({
        actor: admin,
        input: userInput({ firstName: "Ada", clickToDial: "tel:[Field:PhoneNumber]" }),
      });
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "user.created",
      actorUserId: admin.id,
      actorLabel: admin.userName,
      targetUserId: created!.id,
      targetLabel: created!.userName,
      clientAddress: adminAddress,
      details: {
        user: {
          userName: created!.userName,
          firstName: "Ada",
          role: "user",
          active: true,
          clickToDial: "[redacted]",
        },
      },
    });
  });

  it("records each changed field of updateUser with its value before and after", async () => {
    const [user] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("edit"), firstName: "Old", phone: "+12125550100" },
    ]);
    const newEmail = `${uniqueName("new")}@example.test`;
    const rows = await rowsWrittenBy(admin.accountId, () =>
      updateUser({
        actor: admin,
        userId: user!.id,
        input: editInput(user!, {
          firstName: "New",
          email: newEmail,
          phone: "",
          clickToDial: "https://crm.example.com/?to=[Field:PhoneNumber]",
          fromEmails: ["sales@example.test"],
        }),
      }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "user.updated",
      actorUserId: admin.id,
      targetUserId: user!.id,
      targetLabel: user!.userName,
      clientAddress: adminAddress,
    });
    expect(rows[0]?.details).toEqual({
      changes: [
        { field: "firstName", before: "Old", after: "New" },
        { field: "email", before: user!.email, after: newEmail },
        { field: "fromEmails", before: [], after: ["sales@example.test"] },
        { field: "phone", before: "+12125550100", after: "" },
        { field: "clickToDial", before: "", after: "[redacted]" },
      ],
    });
  });

  it("records a new password as changed without recording it", async () => {
    const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("pw") }]);
    const rows = await rowsWrittenBy(admin.accountId, () =>
      updateUser({
        actor: admin,
        userId: user!.id,
        input: editInput(user!, { newPassword: "a brand new passphrase" }),
      }),
    );
    expect(rows.map((row) => [row.kind, row.details])).toEqual([
      ["user.updated", { changes: [], passwordChanged: true }],
    ]);
  });

  it("records nothing when updateUser changes nothing", async () => {
    const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("same") }]);
    const rows = await rowsWrittenBy(admin.accountId, () =>
      updateUser({ actor: admin, userId: user!.id, input: editInput(user!) }),
    );
    expect(rows).toEqual([]);
  });

  it("records an inactivation through updateUser as its own row", async () => {
    const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("off") }]);
    const rows = await rowsWrittenBy(admin.accountId, () =>
      updateUser({
        actor: admin,
        userId: user!.id,
        input: editInput(user!, { title: "Former", active: false }),
      }),
    );
    expect(rows.map((row) => [row.kind, row.targetUserId, row.clientAddress])).toEqual([
      ["user.updated", user!.id, adminAddress],
      ["user.inactivated", user!.id, adminAddress],
    ]);
    expect(rows[0]?.details).toEqual({
      changes: [{ field: "title", before: "", after: "Former" }],
    });
  });

  it("records inactivation and reactivation by setUserActive, and nothing when unchanged", async () => {
    const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("toggle") }]);
    const toggle = (active: boolean) =>
      rowsWrittenBy(admin.accountId, () =>
        setUserActive({ actor: admin, userId: user!.id, active }),
      );
    const expected = (kind: ActivityKind) => [
      {
        kind,
        actorUserId: admin.id,
        actorLabel: admin.userName,
        targetUserId: user!.id,
        targetLabel: user!.userName,
        clientAddress: adminAddress,
      },
    ];
    expect(await toggle(false)).toMatchObject(expected("user.inactivated"));
    expect(await toggle(false)).toEqual([]);
    expect(await toggle(true)).toMatchObject(expected("user.reactivated"));
  });

  it("records a deletion with the deleted user's details, kept after the user is gone", async () => {
    const [user] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("bye"), lastName: "Gone", clickToDial: "tel:[Field:PhoneNumber]" },
    ]);
    const rows = await rowsWrittenBy(admin.accountId, () =>
      deleteUser({ actor: admin, userId: user!.id }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "user.deleted",
      actorUserId: admin.id,
      targetUserId: user!.id,
      targetLabel: user!.userName,
      clientAddress: adminAddress,
      details: { user: { userName: user!.userName, lastName: "Gone", clickToDial: "[redacted]" } },
    });
    const listed = await listActivity({ actor: admin, query: query({ kind: "user.deleted" }) });
    expect(listed.rows.map((row) => row.targetLabel)).toContain(user!.userName);
  });

  it("records licence acceptance and publication", async () => {
    const { admin: owner } = await createTestAccount();
    const actor = { ...owner, clientAddress: "198.51.100.77" };
    const current = await findCurrentLicence(actor.accountId);
    const accepted = await rowsWrittenBy(actor.accountId, () =>
      acceptLicence({ actor, versionId: current!.id, userAgent: "test browser" }),
    );
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      kind: "licence.accepted",
      actorUserId: actor.id,
      targetUserId: actor.id,
      clientAddress: "198.51.100.77",
      details: { version: 1 },
    });
    const published = await rowsWrittenBy(actor.accountId, () =>
      publishLicence({ actor, input: { body: defaultLicenceBody, summary: "Second version." } }),
    );
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      kind: "licence.published",
      actorUserId: actor.id,
      actorLabel: actor.userName,
      targetUserId: null,
      targetLabel: "",
      clientAddress: "198.51.100.77",
      details: { version: 2, summary: "Second version." },
    });
  });
});

describe("secrets in activity", () => {
  it("never records a password, its hash or a Click To Dial template", async () => {
    const secretTemplate = "https://crm.example.com/dial?to=[Field:PhoneNumber]&password=s3cret";
    const otherTemplate = "https://crm.example.com/call?n=[Field:PhoneNumber]&password=s3cret2";
    const passwords = [
      "first secret passphrase",
      "second secret passphrase",
      "third secret passphrase",
    ];
    const [first, second, third] = passwords as [string, string, string];
    const user = await createUser({
      actor: admin,
      input: userInput({ newPassword: first, clickToDial: secretTemplate }),
    });
    await updateUser({
      actor: admin,
      userId: user.id,
      input: editInput(user, { newPassword: second, clickToDial: otherTemplate }),
    });
    const self = actorFor(user, "192.0.2.50");
    await updateProfile({
      actor: self,
      input: profileInput(user, { clickToDial: secretTemplate, title: "Agent" }),
    });
    await changeOwnPassword({
      actor: self,
      input: { currentPassword: second, newPassword: third, confirmPassword: third },
    });
    await authenticate({ login: user.userName, password: first, clientAddress: "192.0.2.50" });
    await authenticate({ login: user.userName, password: third, clientAddress: "192.0.2.50" });
    await deleteUser({ actor: admin, userId: user.id });

    const rows = await getDb().select().from(accountActivity).orderBy(asc(accountActivity.id));
    const targetRows = rows.filter((row) => row.targetUserId === user.id);
    expect(targetRows.map((row) => row.kind)).toEqual([
      "user.created",
      "user.updated",
      "user.updated",
      "user.updated",
      "user.sign_in_failed",
      "user.signed_in",
      "user.deleted",
    ]);
    const everything = JSON.stringify([
      rows,
      (await listActivity({ actor: admin, query: query() })).rows,
    ]);
    for (const secret of [...passwords, "s3cret", secretTemplate, otherTemplate, "$argon2"]) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe("listActivity", () => {
  it("shows a user without the Administrator role only rows where they are actor or target", async () => {
    const { admin: owner } = await createTestAccount();
    const member = await createUser({ actor: owner, input: userInput() });
    const bystander = await createUser({ actor: owner, input: userInput() });
    await updateUser({
      actor: owner,
      userId: bystander.id,
      input: editInput(bystander, { title: "Elsewhere" }),
    });
    await updateUser({
      actor: owner,
      userId: member.id,
      input: editInput(member, { title: "Me" }),
    });
    await updateProfile({
      actor: actorFor(member),
      input: profileInput({ ...member, title: "Me" }, { alias: "Mo" }),
    });

    const expected = await getDb()
      .select({ id: accountActivity.id })
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.accountId, owner.accountId),
          or(
            eq(accountActivity.actorUserId, member.id),
            eq(accountActivity.targetUserId, member.id),
          ),
        ),
      );
    const seen = await listActivity({ actor: actorFor(member), query: query() });
    expect(seen.viewAll).toBe(false);
    expect(seen.rows.map((row) => row.id).sort()).toEqual(expected.map((row) => row.id).sort());
    expect(seen.rows).toHaveLength(3);
    for (const row of seen.rows) {
      expect([row.actorLabel, row.targetLabel]).toContain(member.userName);
    }
    const everything = await listActivity({ actor: owner, query: query() });
    expect(everything.viewAll).toBe(true);
    expect(everything.rows.length).toBeGreaterThan(seen.rows.length);
  });

  describe("filters and pages", () => {
    let owner: Actor;
    const day = (iso: string) => new Date(iso);

    beforeAll(async () => {
      ({ admin: owner } = await createTestAccount());
      // Rows at known times: the day boundaries are what the date filter must respect.
      const rows: (typeof accountActivity.$inferInsert)[] = [
        ["user.created", "alice", "bob", "2024-03-09T23:59:59Z"],
        ["user.updated", "alice", "carol", "2024-03-10T00:00:00Z"],
        ["user.deleted", "Dave", "bob", "2024-03-10T12:00:00Z"],
        ["user.updated", "dave", "alice", "2024-03-10T23:59:59Z"],
        ["user.updated", "alice", "bob", "2024-03-11T00:00:00Z"],
      ].map(([kind, actorLabel, targetLabel, at]) => ({
        accountId: owner.accountId,
        kind: kind as ActivityKind,
        actorLabel,
        targetLabel,
        createdAt: day(at!),
      }));
      await getDb().insert(accountActivity).values(rows);
    });

    async function labels(values: Record<string, string>) {
      const page = await listActivity({ actor: owner, query: query(values) });
      return page.rows
        .filter((row) => row.kind !== "account.created")
        .map((row) => `${row.kind} ${row.actorLabel}>${row.targetLabel}`);
    }

    it("filters by kind", async () => {
      expect(await labels({ kind: "user.updated" })).toEqual([
        "user.updated alice>bob",
        "user.updated dave>alice",
        "user.updated alice>carol",
      ]);
    });

    it("filters by actor and by target, ignoring letter case", async () => {
      expect(await labels({ actor: "DAVE" })).toEqual([
        "user.updated dave>alice",
        "user.deleted Dave>bob",
      ]);
      expect(await labels({ target: "Bob" })).toEqual([
        "user.updated alice>bob",
        "user.deleted Dave>bob",
        "user.created alice>bob",
      ]);
      expect(await labels({ actor: "alice", target: "bob", kind: "user.created" })).toEqual([
        "user.created alice>bob",
      ]);
    });

    it("filters by a date range that includes whole days (UTC)", async () => {
      expect(await labels({ from: "2024-03-10", to: "2024-03-10" })).toEqual([
        "user.updated dave>alice",
        "user.deleted Dave>bob",
        "user.updated alice>carol",
      ]);
      expect(await labels({ to: "2024-03-09" })).toEqual(["user.created alice>bob"]);
      expect(await labels({ from: "2024-03-11", to: "2024-03-11" })).toEqual([
        "user.updated alice>bob",
      ]);
    });

    it("pages 50 rows at a time, newest first, without gaps or repeats", async () => {
      const { admin: busy } = await createTestAccount();
      await getDb()
        .insert(accountActivity)
        .values(
          Array.from({ length: 119 }, (_, i) => ({
            accountId: busy.accountId,
            kind: "user.updated" as const,
            actorLabel: busy.userName,
            targetLabel: `target-${i}`,
          })),
        );
      const all = (
        await getDb()
          .select({ id: accountActivity.id })
          .from(accountActivity)
          .where(eq(accountActivity.accountId, busy.accountId))
      ).map((row) => row.id);
      expect(all).toHaveLength(120);

      const pages = [];
      let before: number | undefined;
      do {
        const page = await listActivity({
          actor: busy,
          query: query(before === undefined ? {} : { before }),
        });
        pages.push(page.rows.map((row) => row.id));
        before = page.nextBefore;
      } while (before !== undefined && pages.length < 5);
      expect(pages.map((page) => page.length)).toEqual([activityPageSize, activityPageSize, 20]);
      const walked = pages.flat();
      expect(walked).toEqual([...all].sort((a, b) => b - a));
      expect(new Set(walked).size).toBe(120);
    });
  });
});

describe("activity rows outlive their users", () => {
  it("keeps the labels of a deleted user", async () => {
    const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("ghost") }]);
    await setUserActive({ actor: admin, userId: user!.id, active: false });
    await deleteUser({ actor: admin, userId: user!.id });
    expect(await getDb().select().from(users).where(eq(users.id, user!.id))).toEqual([]);
    const page = await listActivity({ actor: admin, query: query({ target: user!.userName }) });
    expect(page.rows.map((row) => row.kind)).toEqual(["user.deleted", "user.inactivated"]);
    expect(page.rows.every((row) => row.targetColor === null)).toBe(true);
  });
});
