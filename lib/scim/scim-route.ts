import "server-only";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import type { Actor } from "@/lib/auth/actor";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { scimBaseUrl } from "./scim-base-url";
import { ScimError, scimErrorFor, scimErrorResponse } from "./scim-error";

const maxBodyBytes = 1024 * 1024;

export type ScimCall<P> = {
  request: Request;
  actor: Actor;
  params: P;
  query: URLSearchParams;
  /** The JSON object sent (400 invalidSyntax for malformed JSON or another JSON value). */
  body: () => Record<string, unknown>;
  /** Where this service's resources live: `<origin>/api/scim/v2`. */
  baseUrl: string;
};

type RouteContext<P> = { params: Promise<P> };

function jsonObject(text: string): () => Record<string, unknown> {
  return () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ScimError(400, "The body is not valid JSON.", "invalidSyntax");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ScimError(400, "Send a JSON object.", "invalidSyntax");
    }
    return value as Record<string, unknown>;
  };
}

/**
 * Every SCIM handler (`/api/scim/v2/…`, RFC 7644) runs through here. An identity provider
 * authenticates with an API token (`Authorization: Bearer sbk_…`), counted against the same
 * rate limit as the REST API; the token's scopes bound what it may do, and the same services
 * as the pages check permissions and account scope. Errors answer in SCIM's error format,
 * with field errors named by `attributeOf`.
 */
export function scimRoute<P = Record<string, never>>(
  handle: (call: ScimCall<P>) => Promise<Response>,
  attributeOf: (field: string) => string = (field) => field,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const auth = await authenticateApiToken(
      request.headers.get("authorization"),
      clientAddressFrom(request.headers),
    );
    if (!auth.ok && auth.status === 401) {
      const refusal = scimErrorResponse(401, auth.detail);
      refusal.headers.set("www-authenticate", 'Bearer realm="switchboard"');
      return refusal;
    }
    if (!auth.ok) {
      const refusal = scimErrorResponse(429, auth.detail);
      refusal.headers.set("retry-after", String(auth.rate.resetSeconds));
      return refusal;
    }
    try {
      let text = "";
      if (request.method !== "GET" && request.method !== "DELETE") {
        const read = await readLimitedBody(request, maxBodyBytes);
        if ("refusal" in read)
          return scimErrorResponse(413, `The body must be at most ${maxBodyBytes} bytes.`);
        text = read.body;
      }
      return await handle({
        request,
        actor: auth.actor,
        params: await context.params,
        query: new URL(request.url).searchParams,
        body: jsonObject(text),
        baseUrl: await scimBaseUrl(),
      });
    } catch (error) {
      try {
        return scimErrorFor(error, attributeOf);
      } catch (unexpected) {
        // Not a refusal we know: logged for us, and answered in SCIM's form without details.
        console.error(unexpected);
        return scimErrorResponse(500, "Something went wrong on our side; try again later.");
      }
    }
  };
}
