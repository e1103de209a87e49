import "server-only";
import type { Executor } from "@/db/client";
import { ConflictError } from "@/lib/errors";
import { applySubscriptionChange } from "./apply-subscription-change";
import { accountTimeZone } from "./billing-access";
import { type ResourceKey, resourceCount, resourceLabels } from "./catalog";
import { lockSubscription } from "./subscription-row";
import { countResource, readUsage } from "./usage";

export type EnforcePlanLimitOptions = {
  accountId: string;
  resource: ResourceKey;
  /** When the resource is made; the moment an automatic add-on is prorated from. */
  at?: Date;
};

/**
 * Call in the transaction that creates one unit of `resource`, before inserting it. Within
 * the plan's inclusion (plus add-ons bought) it does nothing. Beyond it, a plan that refuses
 * more throws a ConflictError naming the plan's limit; a plan that bills more raises the
 * add-on by one, charged for the rest of the month. The subscription row stays locked until
 * the caller commits, so concurrent creations cannot both take the last included unit.
 */
export async function enforcePlanLimit(
  tx: Executor,
  { accountId, resource, at = new Date() }: EnforcePlanLimitOptions,
): Promise<void> {
  const current = await lockSubscription(tx, accountId);
  const { plan } = current;
  const used = await countResource(tx, accountId, resource);
  const included = plan.included[resource];
  const policy = plan.overage[resource];
  const bought = policy === "addon" ? (current.addOns[resource] ?? 0) : 0;
  if (used + 1 <= included + bought) return;
  if (policy === "refuse") {
    throw new ConflictError(
      `Your ${plan.name} plan includes ${resourceCount(resource, included)}: change the plan to add more.`,
    );
  }
  const usage = await readUsage(tx, accountId);
  await applySubscriptionChange(tx, {
    accountId,
    actor: null,
    actorLabel: "",
    before: current,
    after: { plan, addOns: { ...current.addOns, [resource]: used + 1 - included } },
    seats: usage.seats,
    at,
    timeZone: await accountTimeZone(tx, accountId),
    reason: `One more ${resourceLabels[resource].one} than the ${plan.name} plan includes, billed as an add-on.`,
  });
}
