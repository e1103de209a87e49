import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { features } from "../../db/schema";
import { createTestAccount, rejectionOf } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { createFeature } from "./create-feature";
import { delegateOf, insertTestInstance, insertTestSeat } from "./feature-test-fixtures";
import { featurePageSize, listFeatures } from "./list-features";
import { listSpareFeatures } from "./list-spare-features";

withTestDatabase();

let admin: Actor;
let instanceId: string;

// 120 devices whose names sort differently in letter case, plus a few other kinds.
beforeAll(async () => {
  ({ admin } = await createTestAccount());
  instanceId = (await insertTestInstance(admin.accountId)).id;
  await getDb()
    .insert(features)
    .values(
      Array.from({ length: 120 }, (_, index) => ({
        accountId: admin.accountId,
        instanceId,
        kind: "device" as const,
        name: `${index % 2 ? "d" : "D"}evice ${String(index).padStart(3, "0")}`,
        settings: { deviceKind: "softphone", model: "" },
      })),
    );
  for (const number of ["+12125550110", "+12125550111"]) {
    await createFeature({ actor: admin, instanceId, kind: "phone_number", input: { number } });
  }
});

describe("listFeatures", () => {
  it("pages through every feature by name, 50 at a time, without repeats", async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listFeatures({ actor: admin, instanceId, cursor });
      expect(page.rows.length).toBeLessThanOrEqual(featurePageSize);
      names.push(...page.rows.map((row) => row.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toHaveLength(122);
    expect(new Set(names).size).toBe(122);
    expect(names.slice(0, 3)).toEqual(["+1 212 555 0110", "+1 212 555 0111", "Device 000"]);
    expect(names[3]).toBe("device 001");
  });

  it("filters by kind and says who has each feature", async () => {
    const { seat, user } = await insertTestSeat(admin.accountId, instanceId);
    const [number] = (await listFeatures({ actor: admin, instanceId, kind: "phone_number" })).rows;
    await getDb().update(features).set({ seatId: seat.id }).where(eq(features.id, number!.id));
    const page = await listFeatures({ actor: admin, instanceId, kind: "phone_number" });
    expect(page.rows.map((row) => [row.name, row.assignedTo?.userName ?? "Spare"])).toEqual([
      ["+1 212 555 0110", user.userName],
      ["+1 212 555 0111", "Spare"],
    ]);
    expect(page.nextCursor).toBeUndefined();
  });

  it("ignores a cursor that is not one of its own", async () => {
    const page = await listFeatures({ actor: admin, instanceId, cursor: "not-a-cursor" });
    expect(page.rows[0]?.name).toBe("+1 212 555 0110");
  });

  it("needs Features: View and an instance of the actor's account", async () => {
    const error = await rejectionOf(listFeatures({ actor: delegateOf(admin, []), instanceId }));
    expect(error).toBeInstanceOf(ForbiddenError);
    const { admin: stranger } = await createTestAccount();
    expect(await rejectionOf(listFeatures({ actor: stranger, instanceId }))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("listSpareFeatures", () => {
  it("lists only features no seat has, searchable by name or number digits", async () => {
    const spares = await listSpareFeatures({ actor: admin, instanceId, kind: "phone_number" });
    expect(spares.rows.map((row) => row.name)).toEqual(["+1 212 555 0111"]);
    const found = await listSpareFeatures({ actor: admin, instanceId, q: "(212) 555-0111" });
    expect(found.rows.map((row) => row.name)).toEqual(["+1 212 555 0111"]);
    const devices = await listSpareFeatures({ actor: admin, instanceId, q: "device 11" });
    expect(devices.rows.map((row) => row.name)).toEqual(
      Array.from({ length: 10 }, (_, index) => `${index % 2 ? "d" : "D"}evice 11${index}`),
    );
  });

  it("stops at 200 and says there are more", async () => {
    await getDb()
      .insert(features)
      .values(
        Array.from({ length: 100 }, (_, index) => ({
          accountId: admin.accountId,
          instanceId,
          kind: "device" as const,
          name: `Extra ${index}`,
          settings: {},
        })),
      );
    const spares = await listSpareFeatures({ actor: admin, instanceId });
    expect(spares.rows).toHaveLength(200);
    expect(spares.more).toBe(true);
  });
});
