import crypto from "node:crypto";

// Standard Webhooks signing (standardwebhooks.com), used both ways between the portal and
// the provisioning back end: webhook-id, webhook-timestamp (Unix seconds) and
// webhook-signature "v1,<base64 HMAC-SHA256(secret, `${id}.${timestamp}.${body}`)>". The
// secret is used as its UTF-8 bytes.

/** Reports signed further from now than this are refused: a captured one soon expires. */
export const signatureToleranceSeconds = 5 * 60;

function digest(secret: string, id: string, timestamp: string, body: string): Buffer {
  return crypto.createHmac("sha256", secret).update(`${id}.${timestamp}.${body}`).digest();
}

/** The three headers that sign `body` as message `id`, sent at `now`. */
export function signedHeaders({
  secret,
  id,
  body,
  now = new Date(),
}: {
  secret: string;
  id: string;
  body: string;
  now?: Date;
}): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${digest(secret, id, timestamp, body).toString("base64")}`,
  };
}

export type SignatureCheck = { ok: true; id: string } | { ok: false; reason: string };

/**
 * Checks a signed message: all three headers, a timestamp within the tolerance, and one of
 * the (space-separated) v1 signatures matching, compared in constant time.
 */
export function verifySignature({
  secret,
  headers,
  body,
  now = new Date(),
}: {
  secret: string;
  headers: Headers;
  body: string;
  now?: Date;
}): SignatureCheck {
  const id = headers.get("webhook-id") ?? "";
  const timestamp = headers.get("webhook-timestamp") ?? "";
  const signatures = headers.get("webhook-signature") ?? "";
  if (!id || !timestamp || !signatures) {
    return {
      ok: false,
      reason: "The webhook-id, webhook-timestamp and webhook-signature headers are required.",
    };
  }
  if (id.length > 200)
    return { ok: false, reason: "The webhook-id is longer than 200 characters." };
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: "The webhook-timestamp must be Unix time in seconds." };
  }
  const age = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (age > signatureToleranceSeconds) {
    return {
      ok: false,
      reason: `The webhook-timestamp is more than ${signatureToleranceSeconds / 60} minutes from now.`,
    };
  }
  const expected = digest(secret, id, timestamp, body);
  const matches = signatures.split(" ").some((entry) => {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
  return matches
    ? { ok: true, id }
    : { ok: false, reason: "The webhook-signature does not match." };
}
