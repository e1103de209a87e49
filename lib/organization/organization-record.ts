import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

// The logo's bytes are read only by the route that serves them: every other read says
// whether there is one, and when the profile last changed (the logo's cache validator).
export const organizationColumns = {
  id: accounts.id,
  name: accounts.name,
  address: accounts.address,
  contactEmail: accounts.contactEmail,
  billingEmail: accounts.billingEmail,
  phone: accounts.phone,
  timeZone: accounts.timeZone,
  taxRateBasisPoints: accounts.taxRateBasisPoints,
  logoType: accounts.logoType,
  logoSize: sql<number>`octet_length(decode(${accounts.logoBase64}, 'base64'))`,
  updatedAt: accounts.updatedAt,
};

export type OrganizationRow = {
  id: string;
  name: string;
  address: string;
  contactEmail: string;
  billingEmail: string;
  phone: string;
  timeZone: string;
  taxRateBasisPoints: number;
  logoType: string;
  logoSize: number;
  updatedAt: Date;
};

/** The organization's profile as pages and the API read it: no logo bytes. */
export type Organization = Omit<OrganizationRow, "logoType" | "logoSize"> & { hasLogo: boolean };

export function toOrganization({
  logoType,
  logoSize: _size,
  ...row
}: OrganizationRow): Organization {
  return { ...row, hasLogo: logoType !== "" };
}

/** The actor's own account; `forUpdate` locks the row for a change. */
export async function findOrganization(
  db: Executor,
  accountId: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<OrganizationRow> {
  const query = db.select(organizationColumns).from(accounts).where(eq(accounts.id, accountId));
  const [row] = await (forUpdate ? query.for("update") : query);
  if (!row) throw new NotFoundError("Organization not found.");
  return row;
}
