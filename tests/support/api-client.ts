import { getDb } from "../../db/client";
import { apiTokens } from "../../db/schema";
import { generateApiToken } from "../../lib/api-tokens/token-secret";
import type { Actor } from "../../lib/auth/actor";
import { allPermissionKeys, type PermissionKey } from "../../lib/auth/modules";

/** A token of `actor` written straight to the database (the tokens page is tested elsewhere). */
export async function insertApiToken(
  actor: Actor,
  options: { scopes?: PermissionKey[]; expiresAt?: Date; name?: string } = {},
): Promise<{ token: string; id: string }> {
  const { token, hash, displayPrefix } = generateApiToken();
  const [row] = await getDb()
    .insert(apiTokens)
    .values({
      accountId: actor.accountId,
      createdByUserId: actor.id,
      name: options.name ?? "test token",
      displayPrefix,
      tokenHash: hash,
      scopes: options.scopes ?? allPermissionKeys,
      expiresAt: options.expiresAt ?? null,
    })
    .returning({ id: apiTokens.id });
  return { token, id: row!.id };
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type ApiCallOptions<P> = {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  params?: P;
};

/** Calls a route handler as an HTTP client would, with the token as a bearer. */
export async function callApi<P = Record<string, never>>(
  handler: Handler<P>,
  method: string,
  path: string,
  { token, body, headers = {}, params }: ApiCallOptions<P> = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON answers they expect.
): Promise<{ status: number; headers: Headers; json: any }> {
  const request = new Request(`http://127.0.0.1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      "x-forwarded-for": "192.0.2.10",
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve((params ?? {}) as P) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : null,
  };
}
