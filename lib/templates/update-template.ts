import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { ActivityChange, Template } from "@/db/schema";
import { templates } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { findAccountTemplate } from "./find-template";
import { sameJson } from "./same-json";
import { assertTemplateNameFree, rethrowTemplateNameTaken } from "./template-name";
import type { TemplateInput } from "./template-schema";
import { templateSeatCounts } from "./template-seat-counts";
import { validTemplate } from "./valid-template";

export type UpdateTemplateOptions = {
  actor: Actor;
  templateId: string;
  input: TemplateInput;
  /** The version the editor started from; a template changed since is not overwritten. */
  expectedVersion?: number;
  /**
   * Checks the stored template (with its seat counts, as getTemplate shows them) inside the
   * write's transaction, before anything changes (the REST API's If-Match: throwing refuses
   * the write, so no other save can slip in between).
   */
  precondition?: (before: Template & Awaited<ReturnType<typeof templateSeatCounts>>) => void;
};

const comparedFields = ["name", "description", "attributes", "features", "callFlow"] as const;

/**
 * Saves a template's changes and raises its version by one; a save that changes nothing
 * keeps the version (seats made from it stay current) and records nothing.
 */
export async function updateTemplate({
  actor,
  templateId,
  input,
  expectedVersion,
  precondition,
}: UpdateTemplateOptions) {
  assertCan(actor, "templates", "edit");
  const template = validTemplate(input);
  try {
    return await getDb().transaction(async (tx) => {
      const before = await findAccountTemplate(tx, actor.accountId, templateId, { lock: true });
      if (precondition) precondition({ ...before, ...(await templateSeatCounts(tx, before)) });
      if (expectedVersion !== undefined && expectedVersion !== before.version) {
        throw new ConflictError(
          `Someone saved this template since you opened it (it is now version ${before.version}). Open it again to see their changes, then make yours.`,
        );
      }
      const changes: ActivityChange[] = comparedFields
        .filter((field) => !sameJson(before[field], template[field]))
        .map((field) => ({ field, before: before[field], after: template[field] }));
      if (changes.length === 0) return before;
      await assertTemplateNameFree(tx, actor.accountId, template.name, before.id);
      const [after] = await tx
        .update(templates)
        .set({ ...template, version: sql`${templates.version} + 1`, updatedAt: new Date() })
        .where(eq(templates.id, before.id))
        .returning();
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "template.updated",
        actor,
        targetLabel: after!.name,
        targetId: after!.id,
        details: { template: after!.name, version: after!.version, changes },
        clientAddress: actor.clientAddress,
      });
      return after!;
    });
  } catch (error) {
    rethrowTemplateNameTaken(error);
  }
}
