import "server-only";
import { sql } from "drizzle-orm";
import { advisoryLocks } from "@/db/advisory-locks";
import { getDb } from "@/db/client";
import { accounts, licenceVersions, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { hashPassword } from "@/lib/auth/passwords";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { defaultLicenceBody, defaultLicenceSummary } from "@/lib/licence/default-licence";
import type { SetupInput } from "./schemas";

export async function hasAnyAccount(): Promise<boolean> {
  const rows = await getDb().select({ id: accounts.id }).from(accounts).limit(1);
  return rows.length > 0;
}

export type SetupOrganizationOptions = { input: SetupInput; clientAddress: string };

/**
 * First run only: creates the organization, its licence version 1 and its first
 * Administrator. Refuses once any account exists, also under concurrent requests.
 */
export async function setupOrganization({ input, clientAddress }: SetupOrganizationOptions) {
  // Checked before the hash, so anonymous requests after setup cannot cost argon2 work.
  if (await hasAnyAccount()) throw new NotFoundError();
  const passwordHash = await hashPassword(input.password);
  return createOrganization({ ...input, passwordHash, clientAddress, onlyIfFirst: true });
}

export async function createOrganization(options: {
  organizationName: string;
  userName: string;
  email: string;
  passwordHash: string;
  clientAddress: string;
  onlyIfFirst: boolean;
}) {
  return getDb().transaction(async (tx) => {
    // Serializes first-run setups so two browsers cannot both create "the" organization.
    await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks.firstSetup})`);
    if (options.onlyIfFirst) {
      const existing = await tx.select({ id: accounts.id }).from(accounts).limit(1);
      if (existing.length > 0) throw new ConflictError("Switchboard is already set up.");
    }
    const [account] = await tx
      .insert(accounts)
      .values({ name: options.organizationName })
      .returning();
    const [admin] = await tx
      .insert(users)
      .values({
        accountId: account!.id,
        userName: options.userName,
        email: options.email,
        passwordHash: options.passwordHash,
        role: "administrator",
        color: "#4f46e5",
      })
      .returning({ id: users.id, userName: users.userName, sessionVersion: users.sessionVersion });
    await tx.insert(licenceVersions).values({
      accountId: account!.id,
      version: 1,
      body: defaultLicenceBody,
      summary: defaultLicenceSummary,
    });
    await recordActivity(tx, {
      accountId: account!.id,
      kind: "account.created",
      actor: admin,
      target: admin,
      details: { organization: options.organizationName },
      clientAddress: options.clientAddress,
    });
    return { account: account!, admin: admin! };
  });
}
