import "server-only";
import { getDb } from "@/db/client";
import { templates } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { assertTemplateNameFree, rethrowTemplateNameTaken } from "./template-name";
import type { TemplateInput } from "./template-schema";
import { validTemplate } from "./valid-template";

export type CreateTemplateOptions = { actor: Actor; input: TemplateInput };

/** Saves a new template at version 1. */
export async function createTemplate({ actor, input }: CreateTemplateOptions) {
  assertCan(actor, "templates", "create");
  const template = validTemplate(input);
  try {
    return await getDb().transaction(async (tx) => {
      await assertTemplateNameFree(tx, actor.accountId, template.name);
      const [created] = await tx
        .insert(templates)
        .values({ accountId: actor.accountId, ...template, version: 1 })
        .returning();
      await recordActivity(tx, {
        accountId: actor.accountId,
        kind: "template.created",
        actor,
        targetLabel: created!.name,
        targetId: created!.id,
        details: {
          template: created!.name,
          version: created!.version,
          attributes: template.attributes.map((attribute) => attribute.key),
          features: template.features.length,
          callFlowSteps: template.callFlow.length,
        },
        clientAddress: actor.clientAddress,
      });
      return created!;
    });
  } catch (error) {
    rethrowTemplateNameTaken(error);
  }
}
