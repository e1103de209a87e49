import "server-only";
import {
  authenticateApiToken,
  type RateLimitHeaders,
} from "@/lib/api-tokens/authenticate-api-token";
import type { Actor } from "@/lib/auth/actor";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { BadRequestError } from "@/lib/errors";
import { problem } from "@/lib/http/problem";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { apiErrorResponse } from "./api-error-response";
import { runIdempotently } from "./idempotency";

const maxBodyBytes = 1024 * 1024;

export type ApiCall<P> = {
  request: Request;
  actor: Actor;
  params: P;
  query: URLSearchParams;
  /** The JSON body (a 400 answers malformed JSON; an empty body is `{}`). */
  body: () => unknown;
};

type RouteContext<P> = { params: Promise<P> };

function withRateHeaders(response: Response, rate: RateLimitHeaders | undefined): Response {
  if (!rate) return response;
  response.headers.set("ratelimit-limit", String(rate.limit));
  response.headers.set("ratelimit-remaining", String(rate.remaining));
  response.headers.set("ratelimit-reset", String(rate.resetSeconds));
  return response;
}

function jsonBody(text: string): () => unknown {
  return () => {
    if (text.trim() === "") return {};
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BadRequestError("The body is not valid JSON.");
    }
  };
}

/**
 * Every /api/v1 handler runs through here: the bearer token makes the actor (401 and 429
 * answered before the handler runs), POSTs honour Idempotency-Key, and domain errors become
 * problem+json. Services do the permission and account checks, as for pages.
 */
export function apiRoute<P = Record<string, never>>(
  handle: (call: ApiCall<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const auth = await authenticateApiToken(
      request.headers.get("authorization"),
      clientAddressFrom(request.headers),
    );
    if (!auth.ok && auth.status === 401) {
      const refusal = problem(401, "Unauthorized", auth.detail);
      refusal.headers.set("www-authenticate", 'Bearer realm="switchboard"');
      return refusal;
    }
    if (!auth.ok) {
      const refusal = problem(429, "Too Many Requests", auth.detail);
      refusal.headers.set("retry-after", String(auth.rate.resetSeconds));
      return withRateHeaders(refusal, auth.rate);
    }
    try {
      const url = new URL(request.url);
      let text = "";
      if (request.method !== "GET" && request.method !== "HEAD") {
        const read = await readLimitedBody(request, maxBodyBytes);
        if ("refusal" in read) return withRateHeaders(read.refusal, auth.rate);
        text = read.body;
      }
      const run = async () =>
        handle({
          request,
          actor: auth.actor,
          params: await context.params,
          query: url.searchParams,
          body: jsonBody(text),
        });
      const key = request.headers.get("idempotency-key");
      const response =
        request.method === "POST" && key !== null
          ? await runIdempotently(
              {
                tokenId: auth.actor.apiToken!.id,
                key,
                method: request.method,
                path: url.pathname + url.search,
                body: text,
              },
              () => run().catch(apiErrorResponse),
            )
          : await run();
      return withRateHeaders(response, auth.rate);
    } catch (error) {
      return withRateHeaders(apiErrorResponse(error), auth.rate);
    }
  };
}

/** A JSON answer, with the resource's ETag and Location when given. */
export function apiJson(
  data: unknown,
  init: { status?: number; etag?: string; location?: string } = {},
): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (init.etag) headers.etag = init.etag;
  if (init.location) headers.location = init.location;
  return Response.json(data, { status: init.status ?? 200, headers });
}
