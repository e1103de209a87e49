import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { features, type PendingSeat, type Seat, seats } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, DomainError, ForbiddenError, InvalidError } from "@/lib/errors";
import { assignFeaturesToSeat } from "@/lib/features/assign-features-to-seat";
import { claimExtension } from "@/lib/features/extension-claims";
import { insertFeature } from "@/lib/features/insert-feature";
import { featureKindLabels } from "@/lib/features/kinds";
import { findAccountInstance } from "@/lib/instances/find-instance";
import { planSeat, type SeatPlan } from "./plan-seat";
import { assertMayStartSeat } from "./seat-permissions";
import type { SeatPerson } from "./seat-person";

export type CreatePendingSeatsOptions = {
  actor: Actor;
  user: SeatPerson & { id: string };
  seats: PendingSeat[];
};

/** The seat of this user in this instance, made now if there is none yet. */
async function seatFor(
  tx: Transaction,
  actor: Actor,
  userId: string,
  instanceId: string,
  values: Partial<
    Pick<Seat, "extension" | "templateId" | "templateVersion" | "attributes" | "callFlow">
  >,
) {
  const [created] = await tx
    .insert(seats)
    .values({ accountId: actor.accountId, instanceId, userId, ...values })
    .onConflictDoNothing()
    .returning();
  if (created) return { seat: created, isNew: true };
  const [existing] = await tx
    .select()
    .from(seats)
    .where(and(eq(seats.instanceId, instanceId), eq(seats.userId, userId)))
    .for("update");
  return { seat: existing!, isNew: false };
}

/** Takes the first spare of a kind for the seat; SKIP LOCKED lets concurrent Saves take different ones. */
async function takeSpare(
  tx: Transaction,
  plan: SeatPlan,
  kind: keyof typeof featureKindLabels,
  seatId: string,
) {
  const [spare] = await tx
    .select({ id: features.id, name: features.name })
    .from(features)
    .where(
      and(
        eq(features.instanceId, plan.instance.id),
        eq(features.kind, kind),
        sql`${features.seatId} is null`,
      ),
    )
    .orderBy(features.createdAt, features.id)
    .limit(1)
    .for("update", { skipLocked: true });
  if (!spare) {
    throw new ConflictError(
      `${plan.instance.name} has no spare ${featureKindLabels[kind].toLowerCase()} left. Add one to the instance first.`,
    );
  }
  await tx.update(features).set({ seatId, updatedAt: new Date() }).where(eq(features.id, spare.id));
  return spare.name;
}

async function createFromTemplate(
  tx: Transaction,
  actor: Actor,
  user: CreatePendingSeatsOptions["user"],
  pending: PendingSeat,
) {
  const plan = await planSeat(tx, {
    actor,
    instanceId: pending.instanceId,
    templateId: pending.templateId!,
    templateVersion: pending.templateVersion,
    attributes: pending.attributes,
    person: user,
  });
  if (plan.problems.length > 0) throw new InvalidError(plan.problems.join(" "));
  const { seat, isNew } = await seatFor(tx, actor, user.id, plan.instance.id, {
    extension: plan.extension,
    templateId: plan.template.id,
    templateVersion: plan.template.version,
    attributes: plan.attributes,
    callFlow: plan.callFlow,
  });
  if (!isNew) {
    throw new ConflictError(
      `${user.userName} already has a seat in ${plan.instance.name}: add features to it instead of applying a template.`,
    );
  }
  const made: string[] = [];
  for (const feature of plan.features) {
    if (feature.source === "spare") {
      made.push(await takeSpare(tx, plan, feature.kind, seat.id));
    } else {
      const created = await insertFeature(tx, {
        accountId: actor.accountId,
        instanceId: plan.instance.id,
        kind: feature.kind,
        input: feature.input,
        seatId: seat.id,
      });
      made.push(created.name);
    }
  }
  // A mailbox numbered like the seat already holds that extension for the seat.
  const mailboxes = plan.features.filter(
    (feature) => feature.source === "create" && feature.kind === "voicemail_box",
  );
  const sharedWithMailbox = mailboxes.some(
    (feature) =>
      feature.source === "create" && String(feature.input.mailboxNumber ?? "") === plan.extension,
  );
  if (plan.extension && !sharedWithMailbox) {
    await claimExtension(tx, {
      instanceId: plan.instance.id,
      extension: plan.extension,
      ownerKind: "seat",
      ownerId: seat.id,
      ownerLabel: `the seat of ${user.userName}`,
      field: "seats",
    });
  }
  await recordActivity(tx, {
    accountId: actor.accountId,
    kind: "seat.created",
    actor,
    target: user,
    details: {
      instance: plan.instance.name,
      template: plan.template.name,
      templateVersion: plan.template.version,
      extension: plan.extension,
      features: made,
    },
    clientAddress: actor.clientAddress,
  });
}

async function addSpares(
  tx: Transaction,
  actor: Actor,
  user: CreatePendingSeatsOptions["user"],
  pending: PendingSeat,
) {
  const instance = await findAccountInstance(tx, actor.accountId, pending.instanceId);
  const { seat, isNew } = await seatFor(tx, actor, user.id, instance.id, {});
  const added = await assignFeaturesToSeat(tx, {
    accountId: actor.accountId,
    instanceId: instance.id,
    seatId: seat.id,
    featureIds: pending.addFeatureIds,
  });
  await recordActivity(tx, {
    accountId: actor.accountId,
    kind: isNew ? "seat.created" : "seat.updated",
    actor,
    target: user,
    details: { instance: instance.name, added: added.map((feature) => feature.name) },
    clientAddress: actor.clientAddress,
  });
}

/**
 * Makes the seats the user form collected, inside the transaction that saves the user:
 * any failure (an extension taken meanwhile, a spare gone) undoes the user's save too.
 * Errors name the instance and come back on the form's seat section.
 */
export async function createPendingSeats(
  tx: Transaction,
  { actor, user, seats: pending }: CreatePendingSeatsOptions,
) {
  for (const seat of pending) {
    assertMayStartSeat(actor, seat.templateId ? "template" : "add");
    try {
      if (seat.templateId) await createFromTemplate(tx, actor, user, seat);
      else await addSpares(tx, actor, user, seat);
    } catch (error) {
      // A refusal stays a refusal; anything else about the seat (an instance deleted
      // meanwhile, an extension taken) is shown beside the seats, with the form kept.
      if (error instanceof ForbiddenError || !(error instanceof DomainError)) throw error;
      throw new ConflictError(`Nothing was saved. ${error.message}`, "seats");
    }
  }
}
