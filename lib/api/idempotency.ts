import "server-only";
import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { BadRequestError, ConflictError, InvalidError } from "@/lib/errors";

const keyLifetimeMs = 24 * 60 * 60_000;
const keptHeaders = ["content-type", "location", "etag"];

export type IdempotentRequest = {
  tokenId: string;
  key: string;
  method: string;
  path: string;
  body: string;
  now?: Date;
};

/**
 * Runs a POST at most once per token and Idempotency-Key for 24 hours. The same key with
 * the same request replays the first success; with another request it is refused (422);
 * while the first is still running a duplicate gets 409. Only successes are kept: a
 * refused request changed nothing, so sending it again simply runs it again.
 */
export async function runIdempotently(
  request: IdempotentRequest,
  run: () => Promise<Response>,
): Promise<Response> {
  const { tokenId, key } = request;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new BadRequestError("Idempotency-Key must be 1 to 255 visible ASCII characters.");
  }
  const now = request.now ?? new Date();
  const requestHash = createHash("sha256")
    .update(`${request.method} ${request.path}\n${request.body}`)
    .digest("hex");
  const db = getDb();
  const thisKey = and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key));
  await db
    .delete(idempotencyKeys)
    .where(and(thisKey, lt(idempotencyKeys.createdAt, new Date(now.getTime() - keyLifetimeMs))));
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ tokenId, key, requestHash, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed) return replay(await db.select().from(idempotencyKeys).where(thisKey), requestHash);

  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await db.delete(idempotencyKeys).where(thisKey);
    throw error;
  }
  if (response.status >= 300) {
    await db.delete(idempotencyKeys).where(thisKey);
    return response;
  }
  const body = await response.clone().text();
  const headers = Object.fromEntries(
    keptHeaders.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  await db
    .update(idempotencyKeys)
    .set({
      responseStatus: response.status,
      responseBody: body,
      responseHeaders: JSON.stringify(headers),
    })
    .where(thisKey);
  return response;
}

function replay(rows: (typeof idempotencyKeys.$inferSelect)[], requestHash: string): Response {
  const [first] = rows;
  if (!first)
    throw new ConflictError("A request with this Idempotency-Key just ended: send it again.");
  if (first.requestHash !== requestHash) {
    throw new InvalidError("This Idempotency-Key was used with another request.", {
      "Idempotency-Key": "Already used with another method, path or body: choose a new key.",
    });
  }
  if (first.responseStatus === null) {
    throw new ConflictError("A request with this Idempotency-Key is still running.");
  }
  const headers = new Headers(JSON.parse(first.responseHeaders ?? "{}") as Record<string, string>);
  headers.set("idempotent-replayed", "true");
  return new Response(first.responseBody, { status: first.responseStatus, headers });
}
