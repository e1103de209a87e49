import "server-only";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { isUuid } from "@/lib/uuid";
import { sessionLimits } from "./session-policy";

/**
 * Ends one session (sign-out, declined licence): its token is refused from now on.
 * The row is kept until the session would have expired anyway, and a token whose
 * row is gone is refused too, so an ended session never becomes valid again.
 */
export async function endSession({ sessionId, userId }: { sessionId: string; userId: string }) {
  if (!isUuid(sessionId) || !isUuid(userId)) return;
  const db = getDb();
  const now = new Date();
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)));
  await db
    .delete(sessions)
    .where(lt(sessions.createdAt, new Date(now.getTime() - sessionLimits.maxAgeMs)));
}
