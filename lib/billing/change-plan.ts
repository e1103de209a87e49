import "server-only";
import { getDb } from "@/db/client";
import { lockAccount } from "@/lib/accounts/lock-account";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError, InvalidError } from "@/lib/errors";
import { applySubscriptionChange } from "./apply-subscription-change";
import { accountTimeZone } from "./billing-access";
import { plans } from "./catalog";
import { quotePlanChange, subscriptionVersion } from "./quote-plan-change";
import { addOnsOf, type PlanChangeInput } from "./schemas";
import { lockSubscription } from "./subscription-row";
import { readUsage } from "./usage";

export type ChangePlanOptions = { actor: Actor; input: PlanChangeInput; at?: Date };

/**
 * Changes the plan or the add-ons, charging or crediting the rest of the month. Use is
 * checked again under the locks: what the preview allowed may no longer fit.
 */
export async function changePlan({ actor, input, at = new Date() }: ChangePlanOptions) {
  assertCan(actor, "billing", "manage");
  return getDb().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    const current = await lockSubscription(tx, actor.accountId);
    if (input.basedOn && input.basedOn !== subscriptionVersion(current)) {
      throw new ConflictError(
        "The plan was changed by someone else since this preview: check the new preview before confirming.",
      );
    }
    const usage = await readUsage(tx, actor.accountId);
    const timeZone = await accountTimeZone(tx, actor.accountId);
    const quote = quotePlanChange({
      current,
      target: { plan: plans[input.plan], addOns: addOnsOf(input) },
      usage,
      at,
      timeZone,
    });
    if (Object.keys(quote.fieldErrors).length > 0) {
      throw new InvalidError("Check the highlighted fields.", quote.fieldErrors);
    }
    if (quote.problems.length > 0) throw new ConflictError(quote.problems.join(" "));
    if (quote.unchanged) {
      throw new ConflictError("This is your plan already: choose another plan or quantity.");
    }
    const change = await applySubscriptionChange(tx, {
      accountId: actor.accountId,
      actor,
      actorLabel: actor.userName,
      clientAddress: actor.clientAddress,
      before: current,
      after: { plan: quote.plan, addOns: quote.addOns },
      seats: usage.seats,
      at,
      timeZone,
    });
    return { change, plan: quote.plan };
  });
}
