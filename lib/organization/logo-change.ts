import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { describeLogo } from "./logo-image";
import {
  findOrganization,
  type Organization,
  organizationColumns,
  toOrganization,
} from "./organization-record";

/** Stores (or, with an empty type, clears) the logo and records the change, in `tx`. */
export async function writeLogo(
  tx: Transaction,
  actor: Actor,
  logo: { type: string; base64: string },
): Promise<Organization> {
  const before = await findOrganization(tx, actor.accountId, { forUpdate: true });
  const [after] = await tx
    .update(accounts)
    .set({ logoType: logo.type, logoBase64: logo.base64, updatedAt: new Date() })
    .where(eq(accounts.id, before.id))
    .returning(organizationColumns);
  const beforeLogo = describeLogo(before.logoType, before.logoSize);
  const afterLogo = describeLogo(after!.logoType, after!.logoSize);
  if (before.logoType !== "" || after!.logoType !== "") {
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "organization.updated",
      actor,
      targetLabel: after!.name,
      targetId: after!.id,
      details: { changes: [{ field: "logo", before: beforeLogo, after: afterLogo }] },
      clientAddress: actor.clientAddress,
    });
  }
  return toOrganization(after!);
}
