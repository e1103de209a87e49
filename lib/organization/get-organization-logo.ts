import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export type GetOrganizationLogoOptions = { actor: Actor };

export type OrganizationLogo = { type: string; bytes: Buffer; updatedAt: Date };

/**
 * The logo of the actor's own organization, or undefined when it has none. Every member
 * may read it, as the top bar shows it to all of them.
 */
export async function getOrganizationLogo({
  actor,
}: GetOrganizationLogoOptions): Promise<OrganizationLogo | undefined> {
  const [row] = await getDb()
    .select({
      type: accounts.logoType,
      base64: accounts.logoBase64,
      updatedAt: accounts.updatedAt,
    })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (!row || row.type === "") return undefined;
  return { type: row.type, bytes: Buffer.from(row.base64, "base64"), updatedAt: row.updatedAt };
}
