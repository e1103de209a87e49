import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findOrganization, type Organization, toOrganization } from "./organization-record";

export type GetOrganizationOptions = { actor: Actor };

/** The actor's organization profile (never another's), without the logo's bytes. */
export async function getOrganization({ actor }: GetOrganizationOptions): Promise<Organization> {
  assertCan(actor, "organization", "view");
  return toOrganization(await findOrganization(getDb(), actor.accountId));
}
