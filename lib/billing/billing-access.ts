import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";

/** Billing: View lets one read the plan; Billing: Manage implies reading what one changes. */
export function assertMaySeeBilling(actor: Actor): void {
  if (can(actor, "billing", "manage")) return;
  assertCan(actor, "billing", "view");
}

/** The time zone the account's billing months are read in. */
export async function accountTimeZone(tx: Executor, accountId: string): Promise<string> {
  const [row] = await tx
    .select({ timeZone: accounts.timeZone })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row?.timeZone || "UTC";
}
