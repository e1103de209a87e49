import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity, accounts, subscriptionChanges, subscriptions } from "../../db/schema";
import { delegateOf, insertTestInstance } from "../../lib/features/feature-test-fixtures";
import {
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { ConflictError, ForbiddenError, InvalidError } from "../errors";
import { createFeature } from "../features/create-feature";
import { createInstance } from "../instances/create-instance";
import { billingPeriod } from "./billing-period";
import { changePlan } from "./change-plan";
import { getSubscription } from "./get-subscription";
import { previewPlanChange } from "./preview-plan-change";
import { remainingValueMinor } from "./proration";
import { type PlanChangeInput, planChangeSchema } from "./schemas";

withTestDatabase();

const form = (values: Partial<Record<keyof PlanChangeInput, unknown>>): PlanChangeInput =>
  planChangeSchema.parse(values);

const instanceInput = () => ({ name: uniqueName("Office"), region: "eu-west" as const, notes: "" });

async function newAccount(timeZone = "UTC") {
  const { admin } = await createTestAccount();
  await getDb().update(accounts).set({ timeZone }).where(eq(accounts.id, admin.accountId));
  return admin;
}

const changesOf = (accountId: string) =>
  getDb()
    .select()
    .from(subscriptionChanges)
    .where(eq(subscriptionChanges.accountId, accountId))
    .orderBy(subscriptionChanges.id);

const billingActivityOf = (accountId: string) =>
  getDb()
    .select()
    .from(accountActivity)
    .where(
      and(
        eq(accountActivity.accountId, accountId),
        eq(accountActivity.kind, "subscription.changed"),
      ),
    )
    .orderBy(accountActivity.id);

let admin: Actor;
let bystander: Actor;

beforeAll(async () => {
  admin = await newAccount("America/New_York");
  bystander = await newAccount();
  await insertTestUsers(admin.accountId, [
    { userName: uniqueName("seat") },
    { userName: uniqueName("seat") },
  ]);
});

describe("permissions", () => {
  it("lets Billing: View see the plan and preview, and only Billing: Manage change it", async () => {
    const viewer = delegateOf(admin, ["billing:view"]);
    const overview = await getSubscription({ actor: viewer });
    expect(overview.plan.key).toBe("team");
    const preview = await previewPlanChange({ actor: viewer, input: form({ plan: "enterprise" }) });
    expect(preview.plan.key).toBe("enterprise");
    const refusal = await rejectionOf(
      changePlan({ actor: viewer, input: form({ plan: "enterprise" }) }),
    );
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect((refusal as ForbiddenError).permission).toBe("billing:manage");
  });

  it("refuses a user without Billing permissions everything", async () => {
    const outsider = delegateOf(admin, ["users:view"]);
    expect(await rejectionOf(getSubscription({ actor: outsider }))).toBeInstanceOf(ForbiddenError);
    expect(
      await rejectionOf(previewPlanChange({ actor: outsider, input: form({ plan: "starter" }) })),
    ).toBeInstanceOf(ForbiddenError);
    const [row] = await getDb()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.accountId, admin.accountId));
    expect(row).toBeUndefined();
  });
});

describe("changing the plan", () => {
  it("puts an account without a subscription on the Team plan, billed per active user", async () => {
    const overview = await getSubscription({ actor: admin });
    expect(overview.plan.name).toBe("Team");
    expect(overview.seats).toBe(3);
    expect(overview.monthlyMinor).toBe(3 * 2400);
    expect(overview.lines.find((line) => line.resource === "instances")).toMatchObject({
      used: 0,
      included: 25,
      policy: "addon",
    });
  });

  it("previews, then writes one change with the previewed proration and one activity row", async () => {
    // A third of the way through March 2026 in New York (no daylight-saving change before).
    const period = billingPeriod(new Date("2026-03-05T12:00:00Z"), "America/New_York");
    const length = period.end.getTime() - period.start.getTime();
    const at = new Date(period.start.getTime() + Math.floor(length / 3));
    const input = form({ plan: "enterprise", phoneNumbers: "4", storageGb: "" });
    const preview = await previewPlanChange({ actor: admin, input, at });
    const monthlyAfter = 3 * 4500 + 4 * 300;
    expect(preview).toMatchObject({
      monthlyBeforeMinor: 7200,
      monthlyAfterMinor: monthlyAfter,
      problems: [],
      unchanged: false,
    });
    const expected =
      remainingValueMinor(monthlyAfter, at, period) - remainingValueMinor(7200, at, period);
    expect(preview.proratedMinor).toBe(expected);
    expect(Math.abs(expected - Math.round(((monthlyAfter - 7200) * 2) / 3))).toBeLessThanOrEqual(1);
    expect(await changesOf(admin.accountId)).toEqual([]);

    await changePlan({ actor: admin, input: { ...input, basedOn: preview.basedOn }, at });
    const changes = await changesOf(admin.accountId);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      planKeyBefore: "team",
      planKeyAfter: "enterprise",
      addOnsBefore: {},
      addOnsAfter: { phoneNumbers: 4 },
      monthlyBeforeMinor: 7200,
      monthlyAfterMinor: monthlyAfter,
      proratedMinor: preview.proratedMinor,
      currency: "USD",
      actorLabel: admin.userName,
      invoiceId: null,
    });
    const activity = await billingActivityOf(admin.accountId);
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ actorUserId: admin.id, targetLabel: "Enterprise" });
    expect(activity[0]!.details.changes).toEqual([
      { field: "Plan", before: "Team", after: "Enterprise" },
      { field: "Extra phone numbers", before: 0, after: 4 },
    ]);
    const overview = await getSubscription({ actor: admin });
    expect(overview).toMatchObject({ monthlyMinor: monthlyAfter, addOns: { phoneNumbers: 4 } });
  });

  it("refuses a confirm made against a subscription that changed since the preview", async () => {
    const stale = await previewPlanChange({ actor: admin, input: form({ plan: "team" }) });
    await changePlan({ actor: admin, input: form({ plan: "enterprise" }) });
    const error = await rejectionOf(
      changePlan({ actor: admin, input: form({ plan: "team", basedOn: stale.basedOn }) }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/changed by someone else/);
  });

  it("refuses a change to the plan already held", async () => {
    const current = await getSubscription({ actor: admin });
    const error = await rejectionOf(
      changePlan({ actor: admin, input: form({ plan: current.plan.key }) }),
    );
    expect(error).toBeInstanceOf(ConflictError);
  });

  it("refuses add-ons a plan does not sell, naming the field", async () => {
    const error = await rejectionOf(
      changePlan({ actor: admin, input: form({ plan: "starter", instances: "2" }) }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).fieldErrors.instances).toMatch(/Starter plan sells no extra/);
  });
});

describe("plan limits", () => {
  it("refuses a downgrade below what is in use, and writes nothing", async () => {
    const actor = await newAccount();
    for (let index = 0; index < 6; index++) await insertTestInstance(actor.accountId);
    const preview = await previewPlanChange({ actor, input: form({ plan: "starter" }) });
    expect(preview.problems).toEqual([
      "You use 6 instances and the Starter plan includes 5: remove 1 first or choose another plan.",
    ]);
    expect(preview.lines.find((line) => line.resource === "instances")?.refused).toBe(true);
    const error = await rejectionOf(changePlan({ actor, input: form({ plan: "starter" }) }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(preview.problems[0]);
    expect(await changesOf(actor.accountId)).toEqual([]);
    expect(await billingActivityOf(actor.accountId)).toEqual([]);
  });

  it("refuses a sixth instance on Starter, and allows it after upgrading", async () => {
    const actor = await newAccount();
    await changePlan({ actor, input: form({ plan: "starter" }) });
    for (let index = 0; index < 5; index++) {
      await createInstance({ actor, input: instanceInput() });
    }
    const error = await rejectionOf(createInstance({ actor, input: instanceInput() }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      "Your Starter plan includes 5 instances: change the plan to add more.",
    );
    expect((await getSubscription({ actor })).lines[0]).toMatchObject({ used: 5, included: 5 });

    await changePlan({ actor, input: form({ plan: "team" }) });
    await createInstance({ actor, input: instanceInput() });
    expect((await getSubscription({ actor })).lines[0]).toMatchObject({ used: 6 });
  });

  it("lets only one of two concurrent creations take the last included instance", async () => {
    const actor = await newAccount();
    await changePlan({ actor, input: form({ plan: "starter" }) });
    for (let index = 0; index < 4; index++) await insertTestInstance(actor.accountId);
    const results = await Promise.allSettled([
      createInstance({ actor, input: instanceInput() }),
      createInstance({ actor, input: instanceInput() }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((result) => result.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await getSubscription({ actor })).lines[0]).toMatchObject({ used: 5 });
  });

  it("refuses a conference room beyond Starter's through the feature service", async () => {
    const actor = await newAccount();
    await changePlan({ actor, input: form({ plan: "starter" }) });
    const instance = await insertTestInstance(actor.accountId);
    const room = (extension: string) =>
      createFeature({
        actor,
        instanceId: instance.id,
        kind: "conference_room",
        input: { name: uniqueName("Room"), extension, pin: "", maxParticipants: 10 },
      });
    await room("801");
    await room("802");
    const error = await rejectionOf(room("803"));
    expect(error.message).toBe(
      "Your Starter plan includes 2 conference rooms: change the plan to add more.",
    );
  });

  it("bills a resource beyond the Team plan as an add-on, charged for the rest of the month", async () => {
    const actor = await newAccount();
    for (let index = 0; index < 25; index++) await insertTestInstance(actor.accountId);
    await createInstance({ actor, input: instanceInput() });
    const overview = await getSubscription({ actor });
    expect(overview.addOns).toEqual({ instances: 1 });
    expect(overview.monthlyMinor).toBe(2400 + 2500);
    const [change] = await changesOf(actor.accountId);
    expect(change).toMatchObject({
      planKeyBefore: "team",
      planKeyAfter: "team",
      addOnsAfter: { instances: 1 },
      monthlyBeforeMinor: 2400,
      monthlyAfterMinor: 4900,
    });
    expect(change!.proratedMinor).toBeGreaterThan(0);
    expect(change!.proratedMinor).toBeLessThanOrEqual(2500);
    const [activity] = await billingActivityOf(actor.accountId);
    expect(activity!.details.summary).toMatch(/One more instance than the Team plan includes/);
  });

  it("raises the add-ons of a downgrade to cover what is in use", async () => {
    const actor = await newAccount();
    await changePlan({ actor, input: form({ plan: "enterprise" }) });
    for (let index = 0; index < 27; index++) await insertTestInstance(actor.accountId);
    const preview = await previewPlanChange({
      actor,
      input: form({ plan: "team", instances: "1" }),
    });
    expect(preview.addOns).toEqual({ instances: 2 });
    expect(preview.lines[0]).toMatchObject({ addOns: 2, raised: true });
  });

  it("leaves other accounts untouched", async () => {
    expect(await changesOf(bystander.accountId)).toEqual([]);
    expect(await billingActivityOf(bystander.accountId)).toEqual([]);
    const overview = await getSubscription({ actor: bystander });
    expect(overview).toMatchObject({ addOns: {}, seats: 1, monthlyMinor: 2400 });
    expect(overview.plan.key).toBe("team");
  });
});
