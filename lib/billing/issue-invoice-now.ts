import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { issueInvoice } from "./issue-invoice";

export type IssueInvoiceNowOptions = { actor: Actor; at?: Date };

/**
 * Issues this month's invoice now rather than waiting for the billing run, which then finds
 * it issued; a month already invoiced returns its invoice unchanged.
 */
export async function issueInvoiceNow({ actor, at = new Date() }: IssueInvoiceNowOptions) {
  assertCan(actor, "billing", "manage");
  return issueInvoice({
    accountId: actor.accountId,
    at,
    actor,
    clientAddress: actor.clientAddress,
  });
}
