import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity, apiTokens } from "../../db/schema";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import type { PermissionKey } from "../auth/modules";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../errors";
import { createApiToken } from "./create-api-token";
import { getApiToken } from "./get-api-token";
import { apiTokenPageSize, listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import { earliestExpiryDay, latestExpiryDay } from "./token-expiry";
import { hashApiToken } from "./token-secret";

withTestDatabase();

let admin: Actor;
let otherAdmin: Actor;
/** A User whose group lets them manage integrations and view (only view) users. */
let delegate: Actor;
/** A User with nothing but the role's baseline. */
let plainUser: Actor;

function withGrants(actor: Actor, keys: PermissionKey[]): Actor {
  return { ...actor, grants: new Map(keys.map((key) => [key, ["Integrators"]])) };
}

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  const [delegateRow, plainRow] = await insertTestUsers(admin.accountId, [
    { userName: uniqueName("delegate") },
    { userName: uniqueName("plain") },
  ]);
  delegate = withGrants(actorFor(delegateRow!, "192.0.2.7"), [
    "integrations:view",
    "integrations:manage",
    "users:view",
  ]);
  plainUser = actorFor(plainRow!);
});

const input = (overrides: Partial<Parameters<typeof createApiToken>[0]["input"]> = {}) => ({
  name: uniqueName("Token"),
  scopes: ["users:view"],
  expiresOn: "",
  ...overrides,
});

const tokenRow = async (id: string) =>
  (await getDb().select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;

const tokenActivity = (accountId: string, name: string) =>
  getDb()
    .select()
    .from(accountActivity)
    .where(
      and(
        eq(accountActivity.accountId, accountId),
        eq(accountActivity.targetLabel, name),
        inArray(accountActivity.kind, ["api_token.created", "api_token.revoked"]),
      ),
    )
    .orderBy(accountActivity.id);

async function invalidFields(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(InvalidError);
  return (error as InvalidError).fieldErrors;
}

describe("creating API tokens", () => {
  it("returns an sbk_ token with at least 128 random bits once, storing only its hash", async () => {
    const { token, apiToken } = await createApiToken({
      actor: admin,
      input: input({ scopes: ["users:view", "groups:view"] }),
    });
    expect(token).toMatch(/^sbk_[A-Za-z0-9_-]+$/);
    // Each base64url character carries 6 bits.
    expect((token.length - "sbk_".length) * 6).toBeGreaterThanOrEqual(128);
    const second = await createApiToken({ actor: admin, input: input() });
    expect(second.token).not.toBe(token);

    const row = await tokenRow(apiToken.id);
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(token.startsWith(row.displayPrefix)).toBe(true);
    expect(row.displayPrefix.length).toBeLessThanOrEqual(12);
    expect(row).toMatchObject({
      accountId: admin.accountId,
      createdByUserId: admin.id,
      scopes: ["users:view", "groups:view"],
      expiresAt: null,
      revokedAt: null,
    });
    const secretPart = token.slice(12);
    expect(JSON.stringify(row)).not.toContain(secretPart);

    const activity = await tokenActivity(admin.accountId, apiToken.name);
    expect(activity.map((entry) => [entry.kind, entry.actorUserId])).toEqual([
      ["api_token.created", admin.id],
    ]);
    expect(activity[0]!.details).toEqual({
      name: apiToken.name,
      scopes: ["users:view", "groups:view"],
      expiresAt: null,
    });
    const everyActivity = await getDb()
      .select()
      .from(accountActivity)
      .where(eq(accountActivity.accountId, admin.accountId));
    expect(JSON.stringify(everyActivity)).not.toContain(secretPart);
  });

  it("keeps scopes within what the creator holds now", async () => {
    const { apiToken } = await createApiToken({
      actor: delegate,
      input: input({ scopes: ["users:view", "integrations:view"] }),
    });
    expect(apiToken.scopes).toEqual(["users:view", "integrations:view"]);

    const error = await rejectionOf(
      createApiToken({ actor: delegate, input: input({ scopes: ["users:view", "users:delete"] }) }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.message).toBe("You do not have Users: Delete, so the token cannot have it.");
    expect((error as InvalidError).fieldErrors).toEqual({
      scopes: "You do not have Users: Delete, so the token cannot have it.",
    });
  });

  it("stores scopes once each, in the registry's order", async () => {
    const { apiToken } = await createApiToken({
      actor: admin,
      input: input({ scopes: ["groups:view", "users:edit", "groups:view"] }),
    });
    expect((await tokenRow(apiToken.id)).scopes).toEqual(["users:edit", "groups:view"]);
  });

  it("refuses an actor who acts through an API token", async () => {
    const viaToken: Actor = { ...admin, apiToken: { id: crypto.randomUUID(), name: "CI" } };
    const name = uniqueName("Token");
    const error = await rejectionOf(createApiToken({ actor: viaToken, input: input({ name }) }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await getDb().select().from(apiTokens).where(eq(apiTokens.name, name))).toEqual([]);
  });

  it("refuses a User without Integrations: Manage", async () => {
    const viewer = withGrants(plainUser, ["integrations:view", "users:view"]);
    const error = await rejectionOf(createApiToken({ actor: viewer, input: input() }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).permission).toBe("integrations:manage");
  });

  it("requires a name of 1 to 100 characters", async () => {
    expect(
      await invalidFields(createApiToken({ actor: admin, input: input({ name: "  " }) })),
    ).toEqual({ name: "Enter a name for the token." });
    expect(
      await invalidFields(
        createApiToken({ actor: admin, input: input({ name: "x".repeat(101) }) }),
      ),
    ).toEqual({ name: "Use at most 100 characters." });
    const longest = `${uniqueName("T")}${"x".repeat(100)}`.slice(-100);
    await expect(
      createApiToken({ actor: admin, input: input({ name: ` ${longest} ` }) }),
    ).resolves.toMatchObject({ apiToken: { name: longest } });
  });

  it("requires at least one scope, each a permission of the registry", async () => {
    expect(
      await invalidFields(createApiToken({ actor: admin, input: input({ scopes: [] }) })),
    ).toEqual({ scopes: "Choose at least one scope." });
    expect(
      await invalidFields(
        createApiToken({ actor: admin, input: input({ scopes: ["users:fly"] }) }),
      ),
    ).toEqual({ scopes: '"users:fly" is not a permission.' });
  });

  it("takes an expiry day from tomorrow to a year ahead, expiring at its end (UTC)", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    for (const day of [yesterday, today]) {
      expect(
        await invalidFields(createApiToken({ actor: admin, input: input({ expiresOn: day }) })),
      ).toEqual({ expiresOn: "Choose a date after today." });
    }
    const tooLate = new Date(`${latestExpiryDay()}T12:00:00Z`);
    tooLate.setUTCDate(tooLate.getUTCDate() + 1);
    expect(
      await invalidFields(
        createApiToken({
          actor: admin,
          input: input({ expiresOn: tooLate.toISOString().slice(0, 10) }),
        }),
      ),
    ).toEqual({ expiresOn: "Choose a date at most one year from today." });
    expect(
      await invalidFields(
        createApiToken({ actor: admin, input: input({ expiresOn: "2030-02-30" }) }),
      ),
    ).toEqual({ expiresOn: "Enter a date such as 2030-12-31." });

    for (const day of [earliestExpiryDay(), latestExpiryDay()]) {
      const { apiToken } = await createApiToken({ actor: admin, input: input({ expiresOn: day }) });
      expect(apiToken.expiresAt?.toISOString()).toBe(`${day}T23:59:59.999Z`);
      const [created] = await tokenActivity(admin.accountId, apiToken.name);
      expect(created?.details.expiresAt).toBe(`${day}T23:59:59.999Z`);
    }
  });

  it("keeps the names of an account's active tokens unique, ignoring case", async () => {
    const name = uniqueName("Sync");
    const first = await createApiToken({ actor: admin, input: input({ name }) });
    const error = await rejectionOf(
      createApiToken({ actor: admin, input: input({ name: name.toUpperCase() }) }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).field).toBe("name");
    // Another account's tokens do not count, nor a revoked one.
    await expect(
      createApiToken({ actor: otherAdmin, input: input({ name }) }),
    ).resolves.toBeDefined();
    await revokeApiToken({ actor: admin, tokenId: first.apiToken.id });
    await expect(createApiToken({ actor: admin, input: input({ name }) })).resolves.toBeDefined();
  });
  it("lets only one of two simultaneous creations with one name through", async () => {
    const name = uniqueName("Race");
    const results = await Promise.allSettled([
      createApiToken({ actor: admin, input: input({ name }) }),
      createApiToken({ actor: admin, input: input({ name }) }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((result) => result.status === "rejected");
    expect(refusal?.reason).toBeInstanceOf(ConflictError);
  });
});

describe("listing and reading API tokens", () => {
  it("lists the account's tokens newest first with creator and status, nothing of others'", async () => {
    const { admin: owner } = await createTestAccount();
    const older = await createApiToken({ actor: owner, input: input() });
    const expired = await createApiToken({ actor: owner, input: input() });
    const revoked = await createApiToken({ actor: owner, input: input() });
    const newest = await createApiToken({ actor: owner, input: input() });
    await getDb()
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, expired.apiToken.id));
    await revokeApiToken({ actor: owner, tokenId: revoked.apiToken.id });
    await getDb()
      .update(apiTokens)
      .set({ lastUsedAt: new Date("2025-01-02T03:04:05Z"), lastUsedAddress: "198.51.100.9" })
      .where(eq(apiTokens.id, older.apiToken.id));
    await createApiToken({ actor: otherAdmin, input: input() });

    const page = await listApiTokens({ actor: owner });
    expect(page.nextAfter).toBeUndefined();
    expect(page.rows.map((row) => [row.id, row.status])).toEqual([
      [newest.apiToken.id, "active"],
      [revoked.apiToken.id, "revoked"],
      [expired.apiToken.id, "expired"],
      [older.apiToken.id, "active"],
    ]);
    const listed = page.rows.at(-1)!;
    expect(listed).toMatchObject({
      name: older.apiToken.name,
      displayPrefix: older.apiToken.displayPrefix,
      scopes: ["users:view"],
      createdByUserName: owner.userName,
      lastUsedAt: new Date("2025-01-02T03:04:05Z"),
      lastUsedAddress: "198.51.100.9",
    });
    expect(listed).not.toHaveProperty("tokenHash");
  });

  it("pages through many tokens made in one instant without losing or repeating one", async () => {
    const { admin: owner } = await createTestAccount();
    const createdAt = new Date();
    const rows = await getDb()
      .insert(apiTokens)
      .values(
        Array.from({ length: apiTokenPageSize + 5 }, (_, index) => ({
          accountId: owner.accountId,
          createdByUserId: owner.id,
          name: `bulk ${index}`,
          displayPrefix: "sbk_bulk00",
          tokenHash: hashApiToken(`sbk_bulk_${index}_${crypto.randomUUID()}`),
          scopes: ["users:view"],
          createdAt,
        })),
      )
      .returning({ id: apiTokens.id });
    const first = await listApiTokens({ actor: owner });
    expect(first.rows).toHaveLength(apiTokenPageSize);
    const second = await listApiTokens({ actor: owner, after: first.nextAfter });
    expect(second.nextAfter).toBeUndefined();
    const seen = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it("reads one token of the account; another account's id is not found", async () => {
    const { apiToken } = await createApiToken({
      actor: admin,
      input: input({ scopes: ["users:view", "instances:rebuild"] }),
    });
    await expect(getApiToken({ actor: admin, tokenId: apiToken.id })).resolves.toMatchObject({
      id: apiToken.id,
      scopes: ["users:view", "instances:rebuild"],
      createdByUserName: admin.userName,
      createdByRole: "administrator",
      status: "active",
    });
    for (const tokenId of [apiToken.id, "not-a-uuid", crypto.randomUUID()]) {
      expect(await rejectionOf(getApiToken({ actor: otherAdmin, tokenId }))).toBeInstanceOf(
        NotFoundError,
      );
    }
  });

  it("refuses a User without Integrations: View", async () => {
    const { apiToken } = await createApiToken({ actor: admin, input: input() });
    for (const attempt of [
      listApiTokens({ actor: plainUser }),
      getApiToken({ actor: plainUser, tokenId: apiToken.id }),
    ]) {
      const error = await rejectionOf(attempt);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).permission).toBe("integrations:view");
    }
  });
});

describe("revoking API tokens", () => {
  it("revokes once, records it, and says so when asked again", async () => {
    const { apiToken } = await createApiToken({ actor: admin, input: input() });
    const result = await revokeApiToken({ actor: admin, tokenId: apiToken.id });
    expect(result).toMatchObject({ revoked: true, name: apiToken.name });
    const row = await tokenRow(apiToken.id);
    expect(row.revokedAt).toEqual(result.revokedAt);

    const again = await revokeApiToken({ actor: admin, tokenId: apiToken.id });
    expect(again).toEqual({ revoked: false, name: apiToken.name, revokedAt: result.revokedAt });
    const activity = await tokenActivity(admin.accountId, apiToken.name);
    expect(activity.map((entry) => entry.kind)).toEqual(["api_token.created", "api_token.revoked"]);
    expect(activity[1]).toMatchObject({
      actorUserId: admin.id,
      details: { name: apiToken.name, createdBy: admin.userName },
    });
    await expect(getApiToken({ actor: admin, tokenId: apiToken.id })).resolves.toMatchObject({
      status: "revoked",
    });
  });

  it("lets a delegate revoke their own token but not an Administrator's", async () => {
    const own = await createApiToken({ actor: delegate, input: input() });
    await expect(
      revokeApiToken({ actor: delegate, tokenId: own.apiToken.id }),
    ).resolves.toMatchObject({ revoked: true });
    const administrators = await createApiToken({ actor: admin, input: input() });
    const error = await rejectionOf(
      revokeApiToken({ actor: delegate, tokenId: administrators.apiToken.id }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe("Only an Administrator can revoke a token an Administrator made.");
    expect((await tokenRow(administrators.apiToken.id)).revokedAt).toBeNull();
    expect(
      (await tokenActivity(admin.accountId, administrators.apiToken.name)).map((row) => row.kind),
    ).toEqual(["api_token.created"]);
  });

  it("refuses another account's token and a User without Integrations: Manage", async () => {
    const { apiToken } = await createApiToken({ actor: admin, input: input() });
    expect(
      await rejectionOf(revokeApiToken({ actor: otherAdmin, tokenId: apiToken.id })),
    ).toBeInstanceOf(NotFoundError);
    const viewer = withGrants(plainUser, ["integrations:view"]);
    const error = await rejectionOf(revokeApiToken({ actor: viewer, tokenId: apiToken.id }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).permission).toBe("integrations:manage");
    expect((await tokenRow(apiToken.id)).revokedAt).toBeNull();
  });
});
