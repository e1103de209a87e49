import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { writeLogo } from "./logo-change";
import { checkLogoImage } from "./logo-image";
import type { Organization } from "./organization-record";

export type SetOrganizationLogoOptions = { actor: Actor; bytes: Uint8Array };

/**
 * Replaces the organization's logo with an uploaded image: PNG, JPEG, GIF or WebP as its
 * bytes show, at most 256 KB.
 */
export async function setOrganizationLogo({
  actor,
  bytes,
}: SetOrganizationLogoOptions): Promise<Organization> {
  assertCan(actor, "organization", "edit");
  const type = checkLogoImage(bytes);
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  return getDb().transaction((tx) => writeLogo(tx, actor, { type, base64 }));
}
