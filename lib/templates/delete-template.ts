import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { templates } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountTemplate } from "./find-template";
import { templateSeatCounts } from "./template-seat-counts";

export type DeleteTemplateOptions = { actor: Actor; templateId: string };

/**
 * Deletes a template. Seats made from it keep their features, call flow and the version
 * they were made from; the database clears their link to the template.
 */
export async function deleteTemplate({ actor, templateId }: DeleteTemplateOptions) {
  assertCan(actor, "templates", "delete");
  return getDb().transaction(async (tx) => {
    const template = await findAccountTemplate(tx, actor.accountId, templateId, { lock: true });
    const { seatCount } = await templateSeatCounts(tx, template);
    await tx.delete(templates).where(eq(templates.id, template.id));
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "template.deleted",
      actor,
      targetLabel: template.name,
      targetId: template.id,
      details: { template: template.name, version: template.version, seats: seatCount },
      clientAddress: actor.clientAddress,
    });
    return template;
  });
}
