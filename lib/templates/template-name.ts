import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uniqueViolation } from "@/db/errors";
import { templates } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

const taken = () => new ConflictError("A template with this name already exists.", "name");

/** Template names are unique per account, ignoring case. */
export async function assertTemplateNameFree(
  db: Executor,
  accountId: string,
  name: string,
  exceptTemplateId?: string,
) {
  const [row] = await db
    .select({ id: templates.id })
    .from(templates)
    .where(
      and(
        eq(templates.accountId, accountId),
        eq(sql`lower(${templates.name})`, name.toLowerCase()),
        exceptTemplateId ? ne(templates.id, exceptTemplateId) : undefined,
      ),
    )
    .limit(1);
  if (row) throw taken();
}

/** Two saves racing past the check above meet the unique index; the loser hears why. */
export function rethrowTemplateNameTaken(error: unknown): never {
  if (uniqueViolation(error) === "templates_account_name_key") throw taken();
  throw error;
}
