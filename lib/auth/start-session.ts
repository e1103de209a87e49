import "server-only";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";

/** Records a new sign-in; its id goes into the session token. */
export async function startSession({
  userId,
  clientAddress,
}: {
  userId: string;
  clientAddress: string;
}): Promise<string> {
  // The app's clock, not the database's: the lifetimes are judged by the app.
  const now = new Date();
  const [row] = await getDb()
    .insert(sessions)
    .values({ userId, clientAddress, createdAt: now, lastSeenAt: now })
    .returning({ id: sessions.id });
  return row!.id;
}
