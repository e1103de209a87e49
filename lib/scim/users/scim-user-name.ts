import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { isSingleLine } from "@/lib/form-values";
import { userNameProblem } from "@/lib/users/fields/user-name";
import { ScimError } from "../scim-error";

/** A SCIM userName Switchboard can keep: any single line of text up to 255 characters. */
export function checkedScimUserName(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > 255 || !isSingleLine(trimmed)) {
    throw new ScimError(400, "userName must be 1 to 255 characters of text.", "invalidValue");
  }
  return trimmed;
}

/** The user name a SCIM userName makes: the part before @, in the characters user names allow. */
function userNameStem(scimUserName: string): string {
  const stem = (scimUserName.split("@")[0] ?? "")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, ".")
    .replace(/^[._-]+|[._-]+$/g, "")
    .slice(0, 56);
  return stem.length >= 3 ? stem : `user.${stem}`.replace(/\.$/, "").padEnd(3, "0");
}

/**
 * Switchboard user names are ASCII letters, digits, dots, underscores and hyphens (they are
 * typed at sign-in beside emails, and used in SIP): an identity provider's userName is
 * often an email. Such a userName is kept as the SCIM userName and the user gets a user name
 * made from it, free across Switchboard (user names are unique everywhere); they sign in
 * with it or with their email. A userName that is a valid user name is the user name.
 */
export async function userNameForScim(
  db: Executor,
  scimUserName: string,
): Promise<{ userName: string; scimUserName: string | null }> {
  if (userNameProblem(scimUserName) === undefined)
    return { userName: scimUserName, scimUserName: null };
  const stem = userNameStem(scimUserName);
  const candidates = [stem, ...Array.from({ length: 8 }, (_, index) => `${stem}-${index + 2}`)];
  const taken = new Set(
    (
      await db
        .select({ name: sql<string>`lower(${users.userName})` })
        .from(users)
        .where(
          inArray(
            sql`lower(${users.userName})`,
            candidates.map((name) => name.toLowerCase()),
          ),
        )
    ).map((row) => row.name),
  );
  const free =
    candidates.find((name) => !taken.has(name.toLowerCase())) ??
    `${stem}-${crypto.randomUUID().slice(0, 8)}`;
  return { userName: free, scimUserName };
}
