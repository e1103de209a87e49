import "server-only";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { type PermissionKey, permissionLabel } from "@/lib/auth/modules";
import { assertCan, canKey, type ModuleAction, type ModuleKey } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

// forbidden() takes no argument, so the reason travels beside it: in a record that React's
// cache() keeps for one server render, where the "Not allowed" page (forbidden.tsx) reads it.
// Next.js renders that page eagerly with its layout, before it knows whether the page will
// refuse, so the reason arrives only when the refusal came first. A refusal made as soon as
// the signed-in user is known (before any further database work) always does: the layout's
// output is rendered in a later task than the promise callbacks leading to the refusal.
// Every page refuses that way today, each by its first load or its own permission check.
// Otherwise the page keeps its general wording; so it does after a client-side navigation,
// which re-renders only the page, not the layout holding the "Not allowed" page. Server
// actions run outside any render, so forms report their refusals themselves.
const refusalRecord = cache((): { refusal?: ForbiddenError } => ({}));

/** The refusal this render recorded, for the "Not allowed" page to explain. */
export function recordedRefusal(): ForbiddenError | undefined {
  return refusalRecord().refusal;
}

// What each page needs before anything else, most specific first. The "Not allowed" page
// falls back on it when the page's own refusal has not reached it (see above): the path
// and the signed-in user always have.
const pagePermissions: [RegExp, PermissionKey][] = [
  [/^\/users\/seat\/[^/?]+\/add(?:[/?]|$)/, "features:edit"],
  [/^\/users\/seat\//, "templates:apply"],
  [/^\/users\/new(?:[/?]|$)/, "users:create"],
  [/^\/users\/[^/?]+\/delete(?:[/?]|$)/, "users:delete"],
  [/^\/users\/[^/?]+\/inactivate(?:[/?]|$)/, "users:inactivate"],
  [/^\/users(?:[/?]|$)/, "users:view"],
  [/^\/groups\/new(?:[/?]|$)/, "groups:create"],
  [/^\/groups\/[^/?]+\/delete(?:[/?]|$)/, "groups:delete"],
  [/^\/groups(?:[/?]|$)/, "groups:view"],
  [/^\/activity(?:[/?]|$)/, "activity:view_own"],
  [/^\/emails(?:[/?]|$)/, "organization:view"],
  [/^\/instances\/[^/?]+\/features\/new(?:[/?]|$)/, "features:create"],
  [/^\/instances\/[^/?]+\/features\/[^/?]+\/delete(?:[/?]|$)/, "features:delete"],
  [/^\/instances\/[^/?]+\/features(?:[/?]|$)/, "features:view"],
  [/^\/instances\/new(?:[/?]|$)/, "instances:create"],
  [/^\/instances\/[^/?]+\/edit(?:[/?]|$)/, "instances:edit"],
  [/^\/instances\/[^/?]+\/delete(?:[/?]|$)/, "instances:delete"],
  [/^\/instances(?:[/?]|$)/, "instances:view"],
  [/^\/templates\/new(?:[/?]|$)/, "templates:create"],
  [/^\/templates\/[^/?]+\/edit(?:[/?]|$)/, "templates:edit"],
  [/^\/templates\/[^/?]+\/delete(?:[/?]|$)/, "templates:delete"],
  [/^\/templates(?:[/?]|$)/, "templates:view"],
  [/^\/billing\/invoices\/[^/?]+\/void(?:[/?]|$)/, "billing:manage"],
  [/^\/billing(?:[/?]|$)/, "billing:view"],
  [/^\/integrations\/[^/?]+\/new(?:[/?]|$)/, "integrations:manage"],
  [/^\/integrations\/[^/?]+\/[^/?]+\/(?:revoke|delete)(?:[/?]|$)/, "integrations:manage"],
  [/^\/integrations(?:[/?]|$)/, "integrations:view"],
  [/^\/organization(?:[/?]|$)/, "organization:view"],
];

/** The permission the page at `path` needs and `actor` lacks, as the refusal it leads to. */
export function refusalForPath(actor: Actor, path: string): ForbiddenError | undefined {
  const key = pagePermissions.find(([pattern]) => pattern.test(path))?.[1];
  if (!key || canKey(actor, key)) return undefined;
  return new ForbiddenError(`You need ${permissionLabel(key)}.`, key);
}

/** Answers with the "Not allowed" page (403), recording why for that page to say. */
export function refuse(error: ForbiddenError): never {
  refusalRecord().refusal = error;
  forbidden();
}

/** Runs a page's service calls; refusals become the "not allowed" page (403) or 404. */
export async function pageData<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ForbiddenError) refuse(error);
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** For a page that needs one permission: checked before it loads anything, so named early. */
export function pageRequires<M extends ModuleKey>(
  actor: Actor,
  module: M,
  action: ModuleAction<M>,
): void {
  try {
    assertCan(actor, module, action);
  } catch (error) {
    if (error instanceof ForbiddenError) refuse(error);
    throw error;
  }
}
