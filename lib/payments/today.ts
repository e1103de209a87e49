import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { accountTimeZone } from "@/lib/billing/billing-access";
import { localDate } from "@/lib/billing/issue-invoice";

/** Today's date in the actor's account time zone ("2026-11-30"), as date fields take it. */
export async function todayForAccount({ actor }: { actor: Actor }): Promise<string> {
  return localDate(new Date(), await accountTimeZone(getDb(), actor.accountId));
}
