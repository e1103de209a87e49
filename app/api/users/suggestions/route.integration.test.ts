import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { CurrentSession } from "@/lib/auth/current-user";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  uniqueName,
} from "../../../../tests/support/fixtures";
import { withTestDatabase } from "../../../../tests/support/test-database";

// The session comes from the request's cookie inside Next.js; here the test says who asks.
const currentSession = vi.hoisted(() => vi.fn<() => Promise<CurrentSession>>());
vi.mock("@/lib/auth/current-user", () => ({ currentSession }));

const { GET } = await import("./route");

withTestDatabase();

const tag = uniqueName("rt").replace("-", "");
let admin: Actor;
let plain: Actor;

function signedInAs(actor: Actor, status: "ready" | "licence_required" = "ready") {
  currentSession.mockResolvedValue({
    status,
    actor,
    sessionId: "00000000-0000-4000-8000-000000000000",
    user: {} as Extract<CurrentSession, { status: "ready" }>["user"],
  });
}

const ask = (q: string) =>
  GET(new Request(`http://localhost:3000/api/users/suggestions?${new URLSearchParams({ q })}`));

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  const [user] = await insertTestUsers(admin.accountId, [
    { userName: `${tag}-plain` },
    {
      userName: `${tag}-sophia`,
      firstName: "Sophia",
      lastName: "Miller",
      email: `s.${tag}@x.test`,
    },
  ]);
  plain = actorFor(user!);
  const { admin: other } = await createTestAccount();
  await insertTestUsers(other.accountId, [{ userName: `${tag}-sophia-other` }]);
});

beforeEach(() => currentSession.mockReset());

describe("GET /api/users/suggestions", () => {
  it("answers the account's matching users as JSON that no cache keeps", async () => {
    signedInAs(admin);
    const response = await ask(`s.${tag}@`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toEqual({
      users: [
        expect.objectContaining({
          userName: `${tag}-sophia`,
          firstName: "Sophia",
          lastName: "Miller",
          email: `s.${tag}@x.test`,
          active: true,
        }),
      ],
      more: false,
    });
    expect(JSON.stringify(body)).not.toMatch(/password|hash/i);
  });

  it("never answers another organization's users", async () => {
    signedInAs(admin);
    const body = await (await ask(`${tag}-sophia`)).json();
    expect(body.users.map((user: { userName: string }) => user.userName)).toEqual([
      `${tag}-sophia`,
    ]);
  });

  it("answers 401 in JSON to an anonymous request", async () => {
    currentSession.mockResolvedValue({ status: "anonymous", ended: false });
    const response = await ask("sophia");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });

  it("answers 403 without Users → View, and before the licence is accepted", async () => {
    signedInAs(plain);
    const refused = await ask("sophia");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: expect.any(String) });
    signedInAs(admin, "licence_required");
    expect((await ask("sophia")).status).toBe(403);
  });
});
