import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./actor";
import { clientAddressFrom } from "./client-address";
import { loadPermissions } from "./load-permissions";
import { loadSessionUser, type SessionUser } from "./load-session-user";
import { auth } from "./next-auth";
import { sessionIsCurrent } from "./session-is-current";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CurrentSession =
  | { status: "anonymous" }
  | { status: "licence_required" | "ready"; user: SessionUser; actor: Actor; sessionId: string };

/**
 * The request's signed-in user, checked against the database once per request: a
 * session ends when its user is gone, inactive, or its session version is stale.
 */
export const currentSession = cache(async (): Promise<CurrentSession> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || !uuidPattern.test(userId)) return { status: "anonymous" };
  const user = await loadSessionUser(userId, session.sessionId ?? "");
  if (!user || !sessionIsCurrent(user, session)) return { status: "anonymous" };
  const requestHeaders = await headers();
  // Administrators can do everything: only Users need their grants and overrides.
  const permissions = user.role === "administrator" ? {} : await loadPermissions(user.id);
  const actor: Actor = {
    ...permissions,
    id: user.id,
    accountId: user.accountId,
    role: user.role,
    userName: user.userName,
    clientAddress: clientAddressFrom(requestHeaders),
  };
  return {
    status: user.licenceAccepted ? "ready" : "licence_required",
    user,
    actor,
    sessionId: session.sessionId ?? "",
  };
});

/** The path being requested (set by proxy.ts), for "continue to where they were going". */
export async function requestedPath(): Promise<string> {
  return (await headers()).get("x-pathname") ?? "/";
}

/** For pages and actions: the signed-in user who accepted the licence, or a redirect. */
export async function requireSession(): Promise<{ user: SessionUser; actor: Actor }> {
  const session = await currentSession();
  if (session.status === "anonymous") {
    redirect(`/sign-in?${new URLSearchParams({ callbackUrl: await requestedPath() })}`);
  }
  if (session.status === "licence_required") {
    redirect(`/licence?${new URLSearchParams({ next: await requestedPath() })}`);
  }
  return session;
}

export async function requireActor(): Promise<Actor> {
  return (await requireSession()).actor;
}
