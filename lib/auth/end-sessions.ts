import "server-only";
import { lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { endedSessions } from "@/db/schema";
import { env } from "@/lib/env";

/** Ends one session (sign-out, declined licence): its token is refused from now on. */
export async function endSession({ sessionId, userId }: { sessionId: string; userId: string }) {
  if (!sessionId) return;
  const db = getDb();
  const now = new Date();
  await db
    .insert(endedSessions)
    .values({
      sessionId,
      userId,
      expiresAt: new Date(now.getTime() + env.SESSION_MAX_AGE_HOURS * 3_600_000),
    })
    .onConflictDoNothing();
  // Tokens past their own expiry are refused anyway: forget them.
  await db.delete(endedSessions).where(lt(endedSessions.expiresAt, now));
}
