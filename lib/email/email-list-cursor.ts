import { isUuid } from "@/lib/uuid";

/** A position in the Emails list, newest first: the message's creation time and id. */
export type EmailListCursor = { createdAt: Date; id: string };

/** Opaque in URLs: people follow "Next page" links, they do not write positions. */
export function encodeEmailListCursor(cursor: EmailListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString(
    "base64url",
  );
}

/** The cursor a link carries, or undefined for anything else (the list starts over). */
export function decodeEmailListCursor(text: string | undefined): EmailListCursor | undefined {
  if (!text || text.length > 200) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [at, id] = parsed;
    if (typeof at !== "string" || !isUuid(id)) return undefined;
    const createdAt = new Date(at);
    return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id };
  } catch {
    return undefined;
  }
}
