import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { features, instanceExtensions } from "../../db/schema";
import { createTestAccount, rejectionOf } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError } from "../errors";
import { createFeature } from "./create-feature";
import { claimExtension } from "./extension-claims";
import { insertTestInstance } from "./feature-test-fixtures";

// On PostgreSQL (DATABASE_URL set) these transactions run at once on separate connections;
// PGlite has one connection and runs them one after the other, which must give the same answer.
withTestDatabase();

let admin: Actor;
let instanceId: string;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  instanceId = (await insertTestInstance(admin.accountId)).id;
});

const claim = (extension: string, label: string) => ({
  instanceId,
  extension,
  ownerKind: "ring_group" as const,
  ownerId: crypto.randomUUID(),
  ownerLabel: label,
  field: "extension",
});

function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
}

/** Runs a claim in a transaction that stays open until `hold` fires, then commits or fails. */
function holdingClaim(extension: string, label: string, hold: Promise<void>, fail = false) {
  const claimed = signal();
  const done = getDb().transaction(async (tx) => {
    await claimExtension(tx, claim(extension, label));
    claimed.fire();
    await hold;
    if (fail) throw new Error("the first save failed after claiming");
  });
  return { claimed: claimed.fired, done };
}

describe("claiming an extension", () => {
  it("makes a concurrent claim wait for the first transaction, then refuses it", async () => {
    const hold = signal();
    const first = holdingClaim("200", "ring group First", hold.fired);
    await first.claimed;
    let secondSettled = false;
    const second = getDb().transaction((tx) =>
      claimExtension(tx, claim("200", "ring group Second")),
    );
    // Handles the rejection until rejectionOf reads it below.
    void second
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        secondSettled = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The second claim cannot decide while the first transaction is open.
    expect(secondSettled).toBe(false);
    hold.fire();
    await first.done;
    const error = await rejectionOf(second);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("Extension 200 is already used by ring group First.");
    const claims = await getDb()
      .select({ label: instanceExtensions.ownerLabel })
      .from(instanceExtensions)
      .where(
        and(eq(instanceExtensions.instanceId, instanceId), eq(instanceExtensions.extension, "200")),
      );
    expect(claims).toEqual([{ label: "ring group First" }]);
  });

  it("gives the extension to the waiting claim when the first transaction rolls back", async () => {
    const hold = signal();
    const first = holdingClaim("210", "ring group Undone", hold.fired, true);
    first.done.catch(() => {});
    await first.claimed;
    const second = getDb().transaction((tx) => claimExtension(tx, claim("210", "ring group Kept")));
    second.catch(() => {});
    hold.fire();
    await expect(first.done).rejects.toThrow("the first save failed after claiming");
    await expect(second).resolves.toBeUndefined();
    const [held] = await getDb()
      .select({ label: instanceExtensions.ownerLabel })
      .from(instanceExtensions)
      .where(
        and(eq(instanceExtensions.instanceId, instanceId), eq(instanceExtensions.extension, "210")),
      );
    expect(held?.label).toBe("ring group Kept");
  });

  it("lets exactly one of many concurrent saves of different kinds have it", async () => {
    const saves = Array.from({ length: 6 }, (_, index) =>
      index % 2 === 0
        ? createFeature({
            actor: admin,
            instanceId,
            kind: "conference_room",
            input: { name: `Room ${index}`, extension: "300", maxParticipants: "10" },
          })
        : createFeature({
            actor: admin,
            instanceId,
            kind: "ring_group",
            input: {
              name: `Group ${index}`,
              extension: "300",
              strategy: "simultaneous",
              ringSeconds: "20",
            },
          }),
    );
    const results = await Promise.allSettled(saves);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ kind: string; name: string }>).value;
    const noun = winner.kind === "ring_group" ? "ring group" : "conference room";
    for (const result of lost) {
      expect(result.reason).toBeInstanceOf(ConflictError);
      expect(result.reason.message).toBe(
        `Extension 300 is already used by ${noun} ${winner.name}.`,
      );
    }
    // The losers' features were rolled back with their claims.
    const rooms = await getDb()
      .select({ id: features.id })
      .from(features)
      .where(and(eq(features.instanceId, instanceId), eq(features.extension, "300")));
    expect(rooms).toHaveLength(1);
  });
});

describe("claiming a phone number", () => {
  it("lets one of several concurrent saves have it and tells the others where it is", async () => {
    const instances = await Promise.all(
      Array.from({ length: 4 }, () => insertTestInstance(admin.accountId)),
    );
    const results = await Promise.allSettled(
      instances.map((instance) =>
        createFeature({
          actor: admin,
          instanceId: instance.id,
          kind: "phone_number",
          input: { number: "+1 646 555 0199" },
        }),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ instanceId: string }>).value;
    const name = instances.find((instance) => instance.id === winner.instanceId)?.name;
    for (const result of results.filter((result) => result.status === "rejected")) {
      expect(result.reason).toBeInstanceOf(ConflictError);
      expect(result.reason).toMatchObject({
        message: `+1 646 555 0199 is already in this account (instance ${name}).`,
        field: "number",
      });
    }
  });
});
