import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./actor";
import { clientAddressFrom } from "./client-address";
import { loadPermissions } from "./load-permissions";
import { loadSessionUser, type SessionUser } from "./load-session-user";
import { judgeSession } from "./session-policy";
import { readSessionToken } from "./session-token";
import { touchSession } from "./touch-session";

export type CurrentSession =
  | { status: "anonymous"; ended: boolean }
  | { status: "licence_required" | "ready"; user: SessionUser; actor: Actor; sessionId: string };

/**
 * The request's signed-in user, checked against the database once per request: a
 * session ends when its user is gone or inactive, its session version is stale, it
 * was signed out, or it passed its absolute lifetime or idle timeout.
 */
export const currentSession = cache(async (): Promise<CurrentSession> => {
  const requestHeaders = await headers();
  const token = await readSessionToken(requestHeaders.get("cookie") ?? "");
  if (!token) return { status: "anonymous", ended: false };
  const user = await loadSessionUser(token.userId, token.sessionId);
  const now = new Date();
  if (!user?.session || judgeSession(user, token.sessionVersion, now) !== "current") {
    return { status: "anonymous", ended: true };
  }
  await touchSession(token.sessionId, user.session.lastSeenAt, now);
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
    sessionId: token.sessionId,
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
    const query = new URLSearchParams({ callbackUrl: await requestedPath() });
    if (session.ended) query.set("notice", "session-ended");
    redirect(`/sign-in?${query}`);
  }
  if (session.status === "licence_required") {
    redirect(`/licence?${new URLSearchParams({ next: await requestedPath() })}`);
  }
  return session;
}

export async function requireActor(): Promise<Actor> {
  return (await requireSession()).actor;
}
