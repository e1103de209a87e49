import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { seats, templates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

export type ListTemplatesOptions = { actor: Actor };

/** The account's templates by name (accounts have a handful, so no paging). */
export async function listTemplates({ actor }: ListTemplatesOptions) {
  assertCan(actor, "templates", "view");
  return getDb()
    .select({
      id: templates.id,
      name: templates.name,
      description: templates.description,
      version: templates.version,
      featureCount: sql<number>`jsonb_array_length(${templates.features})`,
      seatCount: sql<number>`count(${seats.id})::int`,
    })
    .from(templates)
    .leftJoin(seats, eq(seats.templateId, templates.id))
    .where(eq(templates.accountId, actor.accountId))
    .groupBy(templates.id)
    .orderBy(asc(sql`lower(${templates.name})`), asc(templates.id));
}

export type TemplateListRow = Awaited<ReturnType<typeof listTemplates>>[number];
