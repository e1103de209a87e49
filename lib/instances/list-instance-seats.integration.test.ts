import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { features, seats, templates } from "../../db/schema";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { NotFoundError } from "../errors";
import { createInstance } from "./create-instance";
import { listSeats, seatPageSize } from "./list-instance-seats";

withTestDatabase();

let admin: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
});

const newInstance = () =>
  createInstance({
    actor: admin,
    input: { name: uniqueName("Site"), region: "us-east", notes: "" },
  });

describe("listSeats", () => {
  it("lists seats by user name with extension, template version and feature count", async () => {
    const instance = await newInstance();
    const [zoe, adam] = await insertTestUsers(admin.accountId, [
      { userName: uniqueName("zoe"), firstName: "Zoe", lastName: "Z" },
      { userName: uniqueName("Adam"), firstName: "Adam", lastName: "A" },
    ]);
    const [template] = await getDb()
      .insert(templates)
      .values({ accountId: admin.accountId, name: uniqueName("Sales seat"), version: 3 })
      .returning();
    const [older, current] = await getDb()
      .insert(seats)
      .values([
        {
          accountId: admin.accountId,
          instanceId: instance.id,
          userId: zoe!.id,
          extension: "201",
          templateId: template!.id,
          templateVersion: 2,
        },
        {
          accountId: admin.accountId,
          instanceId: instance.id,
          userId: adam!.id,
          templateId: template!.id,
          templateVersion: 3,
        },
      ])
      .returning();
    await getDb()
      .insert(features)
      .values(
        ["Desk", "Mobile"].map((name) => ({
          accountId: admin.accountId,
          instanceId: instance.id,
          kind: "device" as const,
          name,
          seatId: older!.id,
        })),
      );
    const page = await listSeats({ actor: admin, instanceId: instance.id });
    expect(page.rows).toEqual([
      {
        id: current!.id,
        userId: adam!.id,
        userName: adam!.userName,
        firstName: "Adam",
        lastName: "A",
        extension: null,
        templateName: template!.name,
        templateVersion: 3,
        olderVersion: false,
        featureCount: 0,
      },
      {
        id: older!.id,
        userId: zoe!.id,
        userName: zoe!.userName,
        firstName: "Zoe",
        lastName: "Z",
        extension: "201",
        templateName: template!.name,
        templateVersion: 2,
        olderVersion: true,
        featureCount: 2,
      },
    ]);
    expect(page.nextAfter).toBeUndefined();
  });

  it("pages 50 seats at a time", async () => {
    const instance = await newInstance();
    const people = await insertTestUsers(
      admin.accountId,
      Array.from({ length: seatPageSize + 2 }, (_, n) => ({
        userName: `${uniqueName("p")}-${String(n).padStart(3, "0")}`,
      })),
    );
    await getDb()
      .insert(seats)
      .values(
        people.map((person) => ({
          accountId: admin.accountId,
          instanceId: instance.id,
          userId: person.id,
        })),
      );
    const sorted = people.map((person) => person.userName.toLowerCase()).sort();
    const first = await listSeats({ actor: admin, instanceId: instance.id });
    const second = await listSeats({
      actor: admin,
      instanceId: instance.id,
      after: first.nextAfter,
    });
    expect(first.rows).toHaveLength(seatPageSize);
    expect([...first.rows, ...second.rows].map((row) => row.userName.toLowerCase())).toEqual(
      sorted,
    );
    expect(second.nextAfter).toBeUndefined();
  });

  it("lets Users see the seats, and nobody another account's", async () => {
    const instance = await newInstance();
    const [row] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("viewer") }]);
    await expect(listSeats({ actor: actorFor(row!), instanceId: instance.id })).resolves.toEqual({
      rows: [],
    });
    const { admin: stranger } = await createTestAccount();
    expect(
      await rejectionOf(listSeats({ actor: stranger, instanceId: instance.id })),
    ).toBeInstanceOf(NotFoundError);
  });
});
