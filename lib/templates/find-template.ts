import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { templates } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/**
 * A template of the account; another account's template is simply not found. `lock` holds
 * the row until the transaction ends, so a version is raised once per change.
 */
export async function findAccountTemplate(
  db: Executor,
  accountId: string,
  templateId: string,
  { lock = false }: { lock?: boolean } = {},
) {
  const missing = new NotFoundError("This template does not exist.");
  if (!isUuid(templateId)) throw missing;
  const query = db
    .select()
    .from(templates)
    .where(and(eq(templates.id, templateId), eq(templates.accountId, accountId)));
  const [template] = lock ? await query.for("update") : await query;
  if (!template) throw missing;
  return template;
}
