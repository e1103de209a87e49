"use server";

import { currentSession } from "@/lib/auth/current-user";
import { endSession } from "@/lib/auth/end-sessions";
import { signOut } from "@/lib/auth/next-auth";

// Sign-out ends this session on the server, not only its cookie.
export async function signOutAction() {
  const session = await currentSession();
  if (session.status !== "anonymous") {
    await endSession({ sessionId: session.sessionId, userId: session.user.id });
  }
  await signOut({ redirectTo: "/sign-in?notice=signed-out" });
}
