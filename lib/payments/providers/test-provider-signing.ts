// No "server-only": the payments.settle job (plain Node) charges through the provider too.
import crypto from "node:crypto";
import { z } from "zod";
import { authSecret } from "@/lib/auth/auth-secret";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { testCardBehaviours } from "./test-cards";

// The embedded test provider keeps no state of its own between the steps of a card setup: each
// step hands the next a value it signed (the hosted page's session, the reference it sends
// back to the portal, the card's token), so a value can be neither forged nor moved to another
// account. Each value is "<prefix><base64url JSON>.<base64url HMAC-SHA256>", the MAC taken
// over the kind too, so a value of one kind is never accepted as another.

const kinds = {
  session: { prefix: "tps_" },
  reference: { prefix: "seti_test_" },
  token: { prefix: "tok_test_" },
} as const;
type SignedKind = keyof typeof kinds;

/** How long the hosted page's link, and the reference it sends back, may be used. */
export const setupLifetimeSeconds = 60 * 60;

/** A path on this server: the page's links and redirects go nowhere else. */
export const sameOriginPath = z
  .string()
  .max(2048)
  .refine((value) => safeRedirectPath(value, "") !== "", "Not a path on this server.");

const expiring = { exp: z.number().int() };

const payloadSchemas = {
  session: z.object({
    ...expiring,
    accountId: z.string().min(1),
    returnUrl: sameOriginPath,
    cancelUrl: sameOriginPath,
  }),
  reference: z.object({
    ...expiring,
    /** One setup: the same reference always gives the same token, another setup another. */
    setupId: z.string().min(1),
    accountId: z.string().min(1),
    brand: z.string().min(1),
    last4: z.string().regex(/^\d{4}$/),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int(),
    holderName: z.string(),
    behaviour: z.enum(testCardBehaviours),
  }),
  token: z.object({
    setupId: z.string().min(1),
    accountId: z.string().min(1),
    brand: z.string().min(1),
    last4: z.string().regex(/^\d{4}$/),
    behaviour: z.enum(testCardBehaviours),
  }),
} satisfies Record<SignedKind, z.ZodType>;

export type SetupSession = z.infer<(typeof payloadSchemas)["session"]>;
export type SetupReference = z.infer<(typeof payloadSchemas)["reference"]>;
export type CardToken = z.infer<(typeof payloadSchemas)["token"]>;
type Payloads = { session: SetupSession; reference: SetupReference; token: CardToken };

let cachedKey: { secret: string; key: Buffer } | undefined;

/** A key of the test provider's own, so its signatures can never pass as a session's. */
function signingKey(): Buffer {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) {
    cachedKey = {
      secret,
      key: crypto.createHmac("sha256", secret).update("test-provider").digest(),
    };
  }
  return cachedKey.key;
}

function mac(kind: SignedKind, body: string): Buffer {
  return crypto.createHmac("sha256", signingKey()).update(`${kind}.${body}`).digest();
}

export function signTestProviderValue<Kind extends SignedKind>(
  kind: Kind,
  payload: Payloads[Kind],
): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${kinds[kind].prefix}${body}.${mac(kind, body).toString("base64url")}`;
}

/** The payload of a value this provider signed, or undefined when forged, garbled or expired. */
export function readTestProviderValue<Kind extends SignedKind>(
  kind: Kind,
  value: string,
  now = new Date(),
): Payloads[Kind] | undefined {
  const { prefix } = kinds[kind];
  if (!value.startsWith(prefix) || value.length > 4096) return undefined;
  const [body, signature, extra] = value.slice(prefix.length).split(".");
  if (!body || !signature || extra !== undefined) return undefined;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(kind, body);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = payloadSchemas[kind].safeParse(json);
  if (!parsed.success) return undefined;
  const payload = parsed.data as Payloads[Kind];
  if ("exp" in payload && payload.exp * 1000 <= now.getTime()) return undefined;
  return payload;
}

/** Unix seconds `setupLifetimeSeconds` from `now`. */
export function setupExpiry(now = new Date()): number {
  return Math.floor(now.getTime() / 1000) + setupLifetimeSeconds;
}
