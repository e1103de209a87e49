import { isUuid } from "@/lib/uuid";

/** A position in a list sorted by a lower-cased name, the row's id breaking ties. */
export type NameCursor = { name: string; id: string };

/** Opaque in URLs: people follow "Next page" links, they do not write positions. */
export function encodeNameCursor(cursor: NameCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString("base64url");
}

/** The cursor a link carries, or undefined for anything else (the list starts over). */
export function decodeNameCursor(text: string | undefined): NameCursor | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [name, id] = parsed;
    if (typeof name !== "string" || name.length > 300 || !isUuid(id)) return undefined;
    return { name, id };
  } catch {
    return undefined;
  }
}
