import crypto from "node:crypto";

// Resend signs its webhooks with Svix: headers svix-id, svix-timestamp (Unix seconds) and
// svix-signature, a space-separated list of "v1,<base64 HMAC-SHA256>" over
// `${id}.${timestamp}.${body}`, keyed with the base64-decoded secret after "whsec_".

/** Events signed further from now than this are refused: a captured one soon expires. */
export const svixToleranceSeconds = 5 * 60;

function key(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
}

function digest(secret: string, id: string, timestamp: string, body: string): Buffer {
  return crypto.createHmac("sha256", key(secret)).update(`${id}.${timestamp}.${body}`).digest();
}

/** The headers Svix would send with `body` (for tests and local tools). */
export function svixHeaders({
  secret,
  id,
  body,
  now = new Date(),
}: {
  secret: string;
  id: string;
  body: string;
  now?: Date;
}): Record<"svix-id" | "svix-timestamp" | "svix-signature", string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    "svix-id": id,
    "svix-timestamp": timestamp,
    "svix-signature": `v1,${digest(secret, id, timestamp, body).toString("base64")}`,
  };
}

export type SvixCheck = { ok: true; id: string } | { ok: false; reason: string };

/** Checks all three headers, the timestamp's freshness and one matching v1 signature. */
export function verifySvixSignature({
  secret,
  headers,
  body,
  now = new Date(),
}: {
  secret: string;
  headers: Headers;
  body: string;
  now?: Date;
}): SvixCheck {
  const id = headers.get("svix-id") ?? "";
  const timestamp = headers.get("svix-timestamp") ?? "";
  const signatures = headers.get("svix-signature") ?? "";
  if (!id || !timestamp || !signatures) {
    return {
      ok: false,
      reason: "The svix-id, svix-timestamp and svix-signature headers are required.",
    };
  }
  if (id.length > 200) return { ok: false, reason: "The svix-id is longer than 200 characters." };
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: "The svix-timestamp must be Unix time in seconds." };
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > svixToleranceSeconds) {
    return {
      ok: false,
      reason: `The svix-timestamp is more than ${svixToleranceSeconds / 60} minutes from now.`,
    };
  }
  const expected = digest(secret, id, timestamp, body);
  const matches = signatures.split(" ").some((entry) => {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, id } : { ok: false, reason: "The svix-signature does not match." };
}
