import "server-only";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { accounts, apiTokens } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { Actor } from "@/lib/auth/actor";
import { allPermissionKeys, isPermissionKey, permissionLabel } from "@/lib/auth/modules";
import { assertCan, canKey } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import { apiTokenNameMax } from "./schemas";
import { endOfUtcDay, expiryDayProblem } from "./token-expiry";
import { generateApiToken } from "./token-secret";

export type CreateApiTokenInput = {
  name: string;
  /** Permission keys ("users:view"); each one the creator must hold. */
  scopes: readonly string[];
  /** The UTC day (YYYY-MM-DD) the token stops working at the end of; empty: never. */
  expiresOn?: string | null;
};

export type CreateApiTokenOptions = { actor: Actor; input: CreateApiTokenInput };

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") {
    throw new InvalidError("Enter a name for the token.", { name: "Enter a name for the token." });
  }
  if (trimmed.length > apiTokenNameMax) {
    const message = `Use at most ${apiTokenNameMax} characters.`;
    throw new InvalidError(message, { name: message });
  }
  return trimmed;
}

/** The scopes in the registry's order, refused unless the creator holds every one now. */
function checkedScopes(actor: Actor, scopes: readonly string[]) {
  const invalid = (message: string) => new InvalidError(message, { scopes: message });
  if (scopes.length === 0) throw invalid("Choose at least one scope.");
  for (const scope of scopes) {
    if (!isPermissionKey(scope)) throw invalid(`"${scope}" is not a permission.`);
    if (!canKey(actor, scope)) {
      throw invalid(`You do not have ${permissionLabel(scope)}, so the token cannot have it.`);
    }
  }
  return allPermissionKeys.filter((key) => scopes.includes(key));
}

function checkedExpiry(expiresOn: string | null | undefined): Date | null {
  const day = expiresOn?.trim() ?? "";
  if (day === "") return null;
  const problem = expiryDayProblem(day);
  if (problem) throw new InvalidError(problem, { expiresOn: problem });
  return endOfUtcDay(day);
}

/**
 * Names tell tokens apart in the list and in activity rows ("by ann via token Billing
 * sync"), so two live tokens of an account never share one. The account row's lock makes
 * two creations with one name take turns; nothing else updates that row often.
 */
async function assertNameFree(tx: Executor, accountId: string, name: string) {
  await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for("no key update");
  const [taken] = await tx
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.accountId, accountId),
        eq(sql`lower(${apiTokens.name})`, name.toLowerCase()),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  if (taken) {
    throw new ConflictError(
      "An active token already has this name. Choose another, or revoke that token first.",
      "name",
    );
  }
}

/**
 * A new API token acting for its creator within `scopes`. The token itself is returned
 * here once and never stored: the row keeps its hash and a short prefix to recognise it by.
 */
export async function createApiToken({ actor, input }: CreateApiTokenOptions) {
  assertCan(actor, "integrations", "manage");
  if (actor.apiToken) {
    throw new ForbiddenError(
      "API tokens are created in the portal by a signed-in person, not through another token.",
    );
  }
  const name = checkedName(input.name);
  const scopes = checkedScopes(actor, input.scopes);
  const expiresAt = checkedExpiry(input.expiresOn);
  const secret = generateApiToken();
  return getDb().transaction(async (tx) => {
    await assertNameFree(tx, actor.accountId, name);
    const [row] = await tx
      .insert(apiTokens)
      .values({
        accountId: actor.accountId,
        createdByUserId: actor.id,
        name,
        displayPrefix: secret.displayPrefix,
        tokenHash: secret.hash,
        scopes,
        expiresAt,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        displayPrefix: apiTokens.displayPrefix,
        scopes: apiTokens.scopes,
        expiresAt: apiTokens.expiresAt,
        createdAt: apiTokens.createdAt,
      });
    await recordActivity(tx, {
      accountId: actor.accountId,
      kind: "api_token.created",
      actor,
      targetLabel: name,
      details: { name, scopes, expiresAt: expiresAt?.toISOString() ?? null },
      clientAddress: actor.clientAddress,
    });
    return { token: secret.token, apiToken: row! };
  });
}

export type CreatedApiToken = Awaited<ReturnType<typeof createApiToken>>;
