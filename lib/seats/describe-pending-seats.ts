import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features, type UserFormDraft } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { findAccountInstance } from "@/lib/instances/find-instance";
import { describeSeatPlan } from "./describe-seat-plan";
import { planSeat } from "./plan-seat";
import { seatPersonFrom } from "./seat-person";

/** The draft's pending seats as the user form lists them before Save. */
export async function describePendingSeats({
  actor,
  draft,
}: {
  actor: Actor;
  draft: UserFormDraft;
}) {
  const db = getDb();
  const person = seatPersonFrom(draft.values);
  return Promise.all(
    draft.seats.map(async (seat) => {
      try {
        const instance = await findAccountInstance(db, actor.accountId, seat.instanceId);
        if (!seat.templateId) {
          const added = seat.addFeatureIds.length
            ? await db
                .select({ name: features.name })
                .from(features)
                .where(
                  and(
                    eq(features.accountId, actor.accountId),
                    inArray(features.id, seat.addFeatureIds),
                  ),
                )
            : [];
          return {
            instanceName: instance.name,
            title: "spare features added",
            lines: added.map((feature) => feature.name),
          };
        }
        const plan = await planSeat(db, {
          actor,
          instanceId: seat.instanceId,
          templateId: seat.templateId,
          templateVersion: seat.templateVersion,
          attributes: seat.attributes,
          person,
        });
        const described = describeSeatPlan(plan);
        return {
          instanceName: instance.name,
          title: `template ${plan.template.name} (version ${plan.template.version})`,
          lines: [described.extension, ...described.features, ...plan.problems],
        };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { instanceName: "(unavailable)", title: "cannot be made", lines: [error.message] };
      }
    }),
  );
}
