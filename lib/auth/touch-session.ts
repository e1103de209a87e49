import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";

// The idle timeout is counted in minutes: one write a minute per session is enough,
// rather than one per request.
const touchEveryMs = 60_000;

/** Records that a session was used, for its idle timeout. */
export async function touchSession(
  sessionId: string,
  lastSeenAt: Date,
  now: Date = new Date(),
): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < touchEveryMs) return;
  await getDb()
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, now)));
}
