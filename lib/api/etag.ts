import { createHash } from "node:crypto";
import { PreconditionFailedError } from "@/lib/errors";

/** A strong validator of a resource's JSON representation: any change changes it. */
export function etagOf(representation: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(representation)).digest("base64url");
  return `"${digest.slice(0, 27)}"`;
}

/**
 * Refuses a write whose If-Match names another version than `current` (RFC 9110: a list of
 * tags or "*"). No header: the write is unconditional.
 */
export function assertIfMatch(ifMatch: string | null, current: string): void {
  if (ifMatch === null) return;
  const tags = ifMatch.split(",").map((tag) => tag.trim());
  if (tags.includes("*") || tags.includes(current)) return;
  throw new PreconditionFailedError();
}
