import { isUuid } from "@/lib/uuid";

/** A position in the User List: the sort column's lower-cased value and the user's id. */
export type UserListCursor = { value: string; id: string };

/** Opaque in URLs, so a link keeps working whichever column the list is sorted by. */
export function encodeUserListCursor(cursor: UserListCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

export function decodeUserListCursor(text: string | undefined): UserListCursor | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [value, id] = parsed;
    if (typeof value !== "string" || value.length > 300 || !isUuid(id)) return undefined;
    return { value, id };
  } catch {
    return undefined;
  }
}
