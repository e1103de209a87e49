import crypto from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { licenceAcceptances, licenceVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadSessionUser } from "@/lib/auth/load-session-user";
import { env } from "@/lib/env";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/errors";
import { deleteUser } from "@/lib/users/delete-user";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { acceptLicence } from "./accept-licence";
import { findCurrentLicence, getLicenceOverview } from "./current-licence";
import { defaultLicenceBody } from "./default-licence";
import { publishLicence } from "./publish-licence";

withTestDatabase();

const userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
const newTerms = {
  body: `${defaultLicenceBody}\n\n9. New clause. Calls are recorded for quality.`,
  summary: "Adds clause 9 about call recording.",
};

async function hasAccepted(actor: Actor): Promise<boolean> {
  const loaded = await loadSessionUser(actor.id, crypto.randomUUID());
  return loaded!.licenceAccepted;
}

async function currentVersionId(accountId: string): Promise<string> {
  return (await findCurrentLicence(accountId))!.id;
}

async function acceptanceRows(accountId: string) {
  return getDb()
    .select()
    .from(licenceAcceptances)
    .where(eq(licenceAcceptances.accountId, accountId))
    .orderBy(asc(licenceAcceptances.acceptedAt));
}

/** An account with its Administrator and a plain user, signed in from different addresses. */
async function accountWithUser() {
  const { admin } = await createTestAccount();
  const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("member") }]);
  return {
    admin: { ...admin, clientAddress: "203.0.113.10" },
    user: actorFor(user!, "203.0.113.20"),
  };
}

describe("licence acceptance", () => {
  it("asks a new account's Administrator to accept version 1 until they do", async () => {
    const { admin } = await createTestAccount();
    const current = await findCurrentLicence(admin.accountId);
    expect(current).toMatchObject({ version: 1, body: defaultLicenceBody });
    expect(await hasAccepted(admin)).toBe(false);
    await acceptLicence({ actor: admin, versionId: current!.id, userAgent });
    expect(await hasAccepted(admin)).toBe(true);
  });

  it("stores who accepted which version, when, from which address and browser", async () => {
    const { admin, user } = await accountWithUser();
    const versionId = await currentVersionId(admin.accountId);
    const before = Date.now();
    await acceptLicence({ actor: user, versionId, userAgent });
    const after = Date.now();
    const rows = await acceptanceRows(admin.accountId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      accountId: admin.accountId,
      userId: user.id,
      licenceVersionId: versionId,
      clientAddress: "203.0.113.20",
      userAgent,
    });
    // The database clock stamps the row; allow for a little drift from this process's clock.
    expect(rows[0]!.acceptedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(rows[0]!.acceptedAt.getTime()).toBeLessThanOrEqual(after + 5_000);
    expect(await hasAccepted(user)).toBe(true);
    expect(await hasAccepted(admin)).toBe(false);
  });

  it("keeps at most 500 characters of the user agent", async () => {
    const { user } = await accountWithUser();
    const versionId = await currentVersionId(user.accountId);
    await acceptLicence({ actor: user, versionId, userAgent: "x".repeat(600) });
    const [row] = await acceptanceRows(user.accountId);
    expect(row?.userAgent).toBe("x".repeat(500));
  });

  it("stores one acceptance when the same version is accepted twice", async () => {
    const { user } = await accountWithUser();
    const versionId = await currentVersionId(user.accountId);
    await acceptLicence({ actor: user, versionId, userAgent });
    await acceptLicence({ actor: user, versionId, userAgent: "another browser" });
    const rows = await acceptanceRows(user.accountId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.userAgent).toBe(userAgent);
  });

  it("asks everyone, the publisher included, to accept again after a new version", async () => {
    const { admin, user } = await accountWithUser();
    const first = await currentVersionId(admin.accountId);
    await acceptLicence({ actor: admin, versionId: first, userAgent });
    await acceptLicence({ actor: user, versionId: first, userAgent });

    const published = await publishLicence({ actor: admin, input: newTerms });
    expect(published).toMatchObject({
      accountId: admin.accountId,
      version: 2,
      body: newTerms.body,
      summary: newTerms.summary,
      publishedBy: admin.id,
    });
    expect((await findCurrentLicence(admin.accountId))?.id).toBe(published.id);
    expect(await hasAccepted(admin)).toBe(false);
    expect(await hasAccepted(user)).toBe(false);

    await acceptLicence({ actor: user, versionId: published.id, userAgent });
    expect(await hasAccepted(user)).toBe(true);
    expect(await hasAccepted(admin)).toBe(false);
  });

  it("refuses to accept a version that is no longer current, storing nothing", async () => {
    const { admin, user } = await accountWithUser();
    const stale = await currentVersionId(admin.accountId);
    await publishLicence({ actor: admin, input: newTerms });
    const error = await rejectionOf(acceptLicence({ actor: user, versionId: stale, userAgent }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      "A newer version of the licence was published. Read it and accept again.",
    );
    expect(await acceptanceRows(admin.accountId)).toEqual([]);
    expect(await hasAccepted(user)).toBe(false);
  });

  it("refuses to accept an unknown version or another account's version", async () => {
    const { user } = await accountWithUser();
    const { admin: otherAdmin } = await createTestAccount();
    for (const versionId of [crypto.randomUUID(), await currentVersionId(otherAdmin.accountId)]) {
      expect(
        await rejectionOf(acceptLicence({ actor: user, versionId, userAgent })),
      ).toBeInstanceOf(ConflictError);
    }
    expect(await acceptanceRows(user.accountId)).toEqual([]);
    expect(await acceptanceRows(otherAdmin.accountId)).toEqual([]);
  });

  it("numbers each account's versions on their own", async () => {
    const { admin } = await accountWithUser();
    const { admin: otherAdmin } = await createTestAccount();
    await publishLicence({ actor: admin, input: newTerms });
    const third = await publishLicence({ actor: admin, input: newTerms });
    expect(third.version).toBe(3);
    expect((await findCurrentLicence(otherAdmin.accountId))?.version).toBe(1);
    expect(await hasAccepted(otherAdmin)).toBe(false);
  });
});

describe("publishing the licence", () => {
  it("is refused to a user without the Administrator role, changing nothing", async () => {
    const { user } = await accountWithUser();
    const versionsBefore = await getDb()
      .select()
      .from(licenceVersions)
      .where(eq(licenceVersions.accountId, user.accountId));
    const error = await rejectionOf(publishLicence({ actor: user, input: newTerms }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(
      await getDb()
        .select()
        .from(licenceVersions)
        .where(eq(licenceVersions.accountId, user.accountId)),
    ).toEqual(versionsBefore);
  });
});

describe("deleting a user who took part in the licence", () => {
  it("keeps the version they published and drops their acceptances", async () => {
    const { admin, user } = await accountWithUser();
    const [publisher] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("publisher"), role: "administrator" },
    ]);
    const publisherActor = actorFor(publisher!);
    const published = await publishLicence({ actor: publisherActor, input: newTerms });
    await acceptLicence({ actor: publisherActor, versionId: published.id, userAgent });
    await acceptLicence({ actor: user, versionId: published.id, userAgent });
    await deleteUser({ actor: admin, userId: publisher!.id });
    expect(await findCurrentLicence(admin.accountId)).toMatchObject({
      id: published.id,
      version: 2,
      publishedBy: null,
    });
    expect((await acceptanceRows(admin.accountId)).map((row) => row.userId)).toEqual([user.id]);
    expect(await hasAccepted(user)).toBe(true);
  });
});

describe("publishing the licence concurrently", () => {
  // Simultaneous publications must each get the next version (or a ConflictError), never a raw
  // unique-index error. PGlite runs transactions one at a time, so only PostgreSQL can show it.
  it.runIf(Boolean(env.DATABASE_URL))(
    "gives each simultaneous publication its own version, or refuses it as a conflict",
    async () => {
      const { admin } = await accountWithUser();
      // Open pool connections first so the publications really run side by side.
      await Promise.all(
        Array.from({ length: 4 }, () => getDb().execute(sql`select pg_sleep(0.05)`)),
      );
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => publishLicence({ actor: admin, input: newTerms })),
      );
      for (const result of results) {
        if (result.status === "rejected") expect(result.reason).toBeInstanceOf(DomainError);
      }
    },
  );
});

describe("getLicenceOverview", () => {
  it("lists the active users who have not accepted the current version to an Administrator", async () => {
    const { admin, user } = await accountWithUser();
    const [late, inactive] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("late") },
      { userName: uniqueName("gone"), active: false },
    ]);
    await acceptLicence({
      actor: user,
      versionId: await currentVersionId(admin.accountId),
      userAgent,
    });

    const overview = await getLicenceOverview({ actor: admin });
    expect(overview?.mayManage).toBe(true);
    expect(overview?.current.version).toBe(1);
    expect(overview?.acceptedAt).toBeUndefined();
    const pending = overview!.pending.map((row) => row.id);
    expect(pending.sort()).toEqual([admin.id, late!.id].sort());
    expect(pending).not.toContain(inactive!.id);
    expect(pending).not.toContain(user.id);
  });

  it("lists everyone again after a new version is published", async () => {
    const { admin, user } = await accountWithUser();
    const first = await currentVersionId(admin.accountId);
    await acceptLicence({ actor: admin, versionId: first, userAgent });
    await acceptLicence({ actor: user, versionId: first, userAgent });
    expect((await getLicenceOverview({ actor: admin }))?.pending).toEqual([]);
    await publishLicence({ actor: admin, input: newTerms });
    const overview = await getLicenceOverview({ actor: admin });
    expect(overview?.current.version).toBe(2);
    expect(overview?.pending.map((row) => row.id).sort()).toEqual([admin.id, user.id].sort());
  });

  it("shows a user only their own acceptance, not who else is pending", async () => {
    const { admin, user } = await accountWithUser();
    const overviewBefore = await getLicenceOverview({ actor: user });
    expect(overviewBefore).toMatchObject({ mayManage: false, pending: [], acceptedAt: undefined });
    await acceptLicence({
      actor: user,
      versionId: await currentVersionId(admin.accountId),
      userAgent,
    });
    const overview = await getLicenceOverview({ actor: user });
    expect(overview?.mayManage).toBe(false);
    expect(overview?.pending).toEqual([]);
    expect(overview?.acceptedAt).toBeInstanceOf(Date);
  });
});
