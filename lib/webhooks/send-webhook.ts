import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import {
  RefusedDestinationError,
  type ResolvedAddress,
  type ResolveHost,
  resolvePublicAddresses,
} from "./resolve-host";

// No "server-only": the delivery job runs under plain Node.

export type WebhookMessage = {
  url: string;
  /** "whsec_<base64>". */
  secret: string;
  /** The delivery's id: the same `webhook-id` on every attempt, so receivers drop repeats. */
  id: string;
  body: string;
};

export type SendWebhookOptions = {
  timeoutMs: number;
  /** Development only: http, and private or loopback addresses. */
  allowPrivate: boolean;
  resolve: ResolveHost;
};

export type WebhookAttemptResult = {
  ok: boolean;
  /** The receiver's HTTP status; null when none came. */
  status: number | null;
  latencyMs: number;
  /** The start of the answer's body, as text. */
  excerpt: string;
  error: string;
};

const excerptBytes = 1024;
const userAgent = "Switchboard-Webhooks/1.0";

/**
 * Hands the connection the addresses that were just resolved and checked, instead of asking
 * DNS again: a name that answers with a public address to the check and a private one to the
 * connection (DNS rebinding) never gets its second answer used.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
    const usable = addresses.filter((found) => !wanted || found.family === wanted);
    const first = usable[0];
    if (!first) {
      const error: NodeJS.ErrnoException = new Error("No address of the wanted family.");
      error.code = "ENOTFOUND";
      callback(error, "", 4);
      return;
    }
    if (options.all) {
      (callback as unknown as (error: null, found: ResolvedAddress[]) => void)(null, usable);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

/** Text fit for a text column and a page: NULs and other control characters become spaces. */
const printable = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ");

function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      const bytes = Buffer.concat(chunks).subarray(0, excerptBytes);
      resolve(printable(new TextDecoder().decode(bytes)));
    };
    response.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      // The rest is not needed: a receiver may answer with a lot.
      if (size >= excerptBytes) response.destroy();
    });
    response.on("end", done);
    response.on("close", done);
    response.on("error", done);
  });
}

class TimeoutError extends Error {}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof TimeoutError) return `No answer within ${timeoutMs / 1000} s.`;
  const cause = error as NodeJS.ErrnoException;
  return cause.code ? `${cause.message} (${cause.code})` : cause.message || String(error);
}

/**
 * POSTs one signed message (Standard Webhooks: webhook-id, webhook-timestamp,
 * webhook-signature) and reports what happened; it never throws. Success is a 2xx answer
 * within the timeout; a redirect is a failure and is not followed, since its target was
 * never checked.
 */
export async function sendWebhook(
  message: WebhookMessage,
  options: SendWebhookOptions,
): Promise<WebhookAttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failure = (error: string, status: number | null = null, excerpt = "") => ({
    ok: false,
    status,
    latencyMs: elapsed(),
    excerpt,
    error,
  });
  let url: URL;
  try {
    url = new URL(message.url);
  } catch {
    return failure("The endpoint's URL is not valid.");
  }
  const secure = url.protocol === "https:";
  if (!secure && !(url.protocol === "http:" && options.allowPrivate)) {
    return failure("Webhooks are sent over https only.");
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolvePublicAddresses(url.hostname, options);
  } catch (error) {
    if (error instanceof RefusedDestinationError) return failure(error.message);
    throw error;
  }
  const timestamp = new Date();
  const signature = new Webhook(message.secret).sign(message.id, timestamp, message.body);
  const body = Buffer.from(message.body, "utf8");
  return new Promise<WebhookAttemptResult>((resolve) => {
    const request = (secure ? https : http).request(url, {
      method: "POST",
      agent: false,
      lookup: pinnedLookup(addresses),
      headers: {
        "content-type": "application/json",
        "content-length": String(body.length),
        "user-agent": userAgent,
        "webhook-id": message.id,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
    });
    let settled = false;
    const settle = (result: WebhookAttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy(new TimeoutError());
    }, options.timeoutMs);
    request.on("error", (error) => settle(failure(describeError(error, options.timeoutMs))));
    request.on("response", async (response) => {
      const status = response.statusCode ?? 0;
      const excerpt = await readExcerpt(response);
      // An answer whose body was still coming at the timeout counts as none.
      if (timedOut) {
        settle(failure(describeError(new TimeoutError(), options.timeoutMs), status, excerpt));
      } else if (status >= 200 && status < 300) {
        settle({ ok: true, status, latencyMs: elapsed(), excerpt, error: "" });
      } else if (status >= 300 && status < 400) {
        const location = printable(String(response.headers.location ?? "")).slice(0, 300);
        settle(
          failure(
            `Answered ${status}${location ? ` (to ${location})` : ""}: redirects are not followed.`,
            status,
            excerpt,
          ),
        );
      } else {
        settle(failure(`Answered ${status}.`, status, excerpt));
      }
    });
    request.end(body);
  });
}
