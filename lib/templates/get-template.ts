import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findAccountTemplate } from "./find-template";
import { templateSeatCounts } from "./template-seat-counts";

export type GetTemplateOptions = { actor: Actor; templateId: string };

/** One template with the number of seats made from it and how many predate its version. */
export async function getTemplate({ actor, templateId }: GetTemplateOptions) {
  assertCan(actor, "templates", "view");
  const db = getDb();
  const template = await findAccountTemplate(db, actor.accountId, templateId);
  return { ...template, ...(await templateSeatCounts(db, template)) };
}

export type TemplateDetails = Awaited<ReturnType<typeof getTemplate>>;
