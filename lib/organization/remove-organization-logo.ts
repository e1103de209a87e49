import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { writeLogo } from "./logo-change";
import type { Organization } from "./organization-record";

export type RemoveOrganizationLogoOptions = { actor: Actor };

/** Removes the organization's logo; removing none changes nothing and records nothing. */
export async function removeOrganizationLogo({
  actor,
}: RemoveOrganizationLogoOptions): Promise<Organization> {
  assertCan(actor, "organization", "edit");
  return getDb().transaction((tx) => writeLogo(tx, actor, { type: "", base64: "" }));
}
