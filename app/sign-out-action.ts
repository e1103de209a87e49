"use server";

import { currentSession } from "@/lib/auth/current-user";
import { endSessions } from "@/lib/auth/end-sessions";
import { signOut } from "@/lib/auth/next-auth";

// Sign-out ends the session, not only the cookie: a copied token stops working too.
// Because sessions are stateless JWTs, this ends the user's other sessions as well.
export async function signOutAction() {
  const session = await currentSession();
  if (session.status !== "anonymous") await endSessions(session.user.id);
  await signOut({ redirectTo: "/sign-in" });
}
