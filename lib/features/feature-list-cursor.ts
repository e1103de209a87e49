import { isUuid } from "@/lib/uuid";

/** A position in a feature list: the lower-cased name and the feature's id. */
export type FeatureListCursor = { name: string; id: string };

/** Opaque in URLs, so a link keeps working with any name. */
export function encodeFeatureListCursor(cursor: FeatureListCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString("base64url");
}

export function decodeFeatureListCursor(text: string | undefined): FeatureListCursor | undefined {
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
