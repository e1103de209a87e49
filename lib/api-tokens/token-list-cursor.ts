import { isUuid } from "@/lib/uuid";

/**
 * A position in the token list, newest first: the creation time as PostgreSQL writes it
 * (microseconds, which a JavaScript Date would round away, skipping rows) and the id.
 */
export type TokenListCursor = { createdAt: string; id: string };

const timestampPattern =
  /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Opaque in URLs: people follow "Next page" links, they do not write positions. */
export function encodeTokenListCursor(cursor: TokenListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

/** The cursor a link carries, or undefined for anything else (the list starts over). */
export function decodeTokenListCursor(text: string | undefined): TokenListCursor | undefined {
  if (!text || text.length > 200) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [createdAt, id] = parsed;
    if (typeof createdAt !== "string" || !timestampPattern.test(createdAt) || !isUuid(id)) {
      return undefined;
    }
    return { createdAt, id };
  } catch {
    return undefined;
  }
}
