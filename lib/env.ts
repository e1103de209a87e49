import path from "node:path";
import { z } from "zod";

// The only reader of process.env: every setting is validated here once.
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((value) => value === "true" || value === "1" || value === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  AUTH_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
  // The portal's public URL (Auth.js reads it too). Links in emails start with it; unset, they
  // follow the host the request named, which anyone can forge: set it in production.
  AUTH_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value?.replace(/\/+$/, "") || undefined)
    .pipe(z.url({ protocol: /^https?$/ }).optional()),
  TRUST_PROXY: booleanFlag,
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Server processes sharing the port (production on PostgreSQL): one Node process renders
  // on one core.
  SERVER_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  // Absolute lifetime of a sign-in, never extended by activity.
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // A session unused for this long ends (Administrators hold more power: shorter).
  SESSION_IDLE_MINUTES_ADMINISTRATOR: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_IDLE_MINUTES_USER: z.coerce.number().int().min(1).max(1440).default(60),
  // Background jobs (lib/jobs): how often an idle dispatcher looks for due work, and a switch
  // for processes that must not run any (tests, benchmarks).
  JOBS_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  JOBS_DISABLED: booleanFlag,
  // The provisioning back end of instances. Both set: rebuilds are sent there, signed with the
  // secret, which also signs its reports to /api/provisioning/events. Unset: an embedded
  // stand-in completes each rebuild a few seconds after it is requested.
  PROVISIONING_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^https?$/ }).optional()),
  PROVISIONING_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.string().min(24, "PROVISIONING_SECRET must be at least 24 characters").optional()),
  // Where the provisioning back end reports back; sent with each rebuild request when set.
  PROVISIONING_CALLBACK_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^https?$/ }).optional()),
  // Email (lib/email). RESEND_API_KEY set: messages go through Resend (RESEND_BASE_URL points
  // the SDK elsewhere, as tests do); unset: the embedded outbox stores them as sent, readable
  // on /emails. RESEND_WEBHOOK_SECRET ("whsec_…") verifies Resend's delivery and bounce events.
  RESEND_API_KEY: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  RESEND_BASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value?.replace(/\/+$/, "") || undefined)
    .pipe(z.url({ protocol: /^https?$/ }).optional()),
  // Payments (lib/payments). STRIPE_SECRET_KEY set: cards are added on Stripe's hosted page
  // and charged through the stripe SDK (STRIPE_API_URL points it elsewhere, as tests do);
  // unset: the embedded test provider accepts the well-known test card numbers.
  STRIPE_SECRET_KEY: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  STRIPE_API_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value?.replace(/\/+$/, "") || undefined)
    .pipe(z.url({ protocol: /^https?$/ }).optional()),
  RESEND_WEBHOOK_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'RESEND_WEBHOOK_SECRET must be "whsec_" and base64')
        .optional(),
    ),
  // REST API (/api/v1): requests each API token may make per minute, counted in the database.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  // Development only: webhook endpoints may then use http and private, loopback or link-local
  // addresses (a receiver on this machine). Off, both are refused when saved and when sent.
  WEBHOOK_ALLOW_PRIVATE_URLS: booleanFlag,
  // Sender of messages that name no other (an Administrator's message is sent from their own).
  EMAIL_FROM: z
    .string()
    .trim()
    .min(3)
    .refine((value) => !/[\r\n]/.test(value), "EMAIL_FROM must be one line")
    .default("Switchboard <no-reply@switchboard.example>"),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

export const env = loadEnv();

// A URL without its secret would send unsigned rebuild requests nobody could trust.
if (env.PROVISIONING_URL && !env.PROVISIONING_SECRET) {
  throw new Error(
    "Invalid configuration:\n  PROVISIONING_SECRET: required when PROVISIONING_URL is set",
  );
}

/** Absolute path of the folder that holds PGlite's data and the generated auth secret. */
export const dataDir = path.resolve(env.DATA_DIR);
