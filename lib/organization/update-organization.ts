import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type ActivityChange, accounts } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import {
  findOrganization,
  type Organization,
  organizationColumns,
  toOrganization,
} from "./organization-record";
import type { OrganizationInput } from "./schemas";
import { formatTaxRate } from "./tax-rate";

export type UpdateOrganizationOptions = { actor: Actor; input: OrganizationInput };

const textFields = [
  "name",
  "address",
  "contactEmail",
  "billingEmail",
  "phone",
  "timeZone",
] as const;

/**
 * Changes the actor's organization profile, recording each changed field. The name is
 * what the top bar, invoices and emails read from now on (they read it when they are made).
 */
export async function updateOrganization({
  actor,
  input,
}: UpdateOrganizationOptions): Promise<Organization> {
  assertCan(actor, "organization", "edit");
  return getDb().transaction(async (tx) => {
    const before = await findOrganization(tx, actor.accountId, { forUpdate: true });
    const [after] = await tx
      .update(accounts)
      .set({
        name: input.name,
        address: input.address,
        contactEmail: input.contactEmail,
        billingEmail: input.billingEmail,
        phone: input.phone,
        timeZone: input.timeZone,
        taxRateBasisPoints: input.taxRate,
        updatedAt: new Date(),
      })
      .where(eq(accounts.id, before.id))
      .returning(organizationColumns);
    const changes: ActivityChange[] = textFields
      .filter((field) => before[field] !== after![field])
      .map((field) => ({ field, before: before[field], after: after![field] }));
    if (before.taxRateBasisPoints !== after!.taxRateBasisPoints) {
      changes.push({
        field: "taxRate",
        before: `${formatTaxRate(before.taxRateBasisPoints)} %`,
        after: `${formatTaxRate(after!.taxRateBasisPoints)} %`,
      });
    }
    if (changes.length > 0) {
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "organization.updated",
        actor,
        targetLabel: after!.name,
        targetId: after!.id,
        details: { changes },
        clientAddress: actor.clientAddress,
      });
    }
    return toOrganization(after!);
  });
}
