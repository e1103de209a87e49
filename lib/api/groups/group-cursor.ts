import { InvalidError } from "@/lib/errors";

/** GET /groups pages by name (unique per account): the cursor is the last name, opaque. */
export function encodeGroupCursor(name: string): string {
  return Buffer.from(name, "utf8").toString("base64url");
}

export function decodeGroupCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const name = Buffer.from(cursor, "base64url").toString("utf8");
  // Buffer decoding never throws: a cursor that is not one of ours fails the round trip.
  // PostgreSQL refuses NUL in text: such a cursor would fail the query with a 500.
  if (name === "" || name.includes("\u0000") || encodeGroupCursor(name) !== cursor) {
    throw new InvalidError("Check the fields named in errors.", {
      cursor: "Not a cursor of this list.",
    });
  }
  return name;
}
