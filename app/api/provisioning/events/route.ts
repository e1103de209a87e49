// POST /api/provisioning/events: the provisioning back end, signed with PROVISIONING_SECRET
// (Standard Webhooks headers); reports how a rebuild ended. 204 when recorded; otherwise
// application/problem+json and nothing changed: 401 unsigned, stale or replayed, 400 malformed,
// 404 unknown instance (or no secret configured), 409 not the instance's current rebuild.
import { env } from "@/lib/env";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { problem } from "@/lib/http/problem";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import {
  receiveProvisioningEvent,
  UnauthenticEventError,
} from "@/lib/provisioning/receive-provisioning-event";

export const dynamic = "force-dynamic";

const maxBodyBytes = 64 * 1024;

export async function POST(request: Request): Promise<Response> {
  const secret = env.PROVISIONING_SECRET;
  if (!secret) {
    return problem(404, "Not Found", "This portal takes no provisioning events: no secret is set.");
  }
  const read = await readLimitedBody(request, maxBodyBytes);
  if ("refusal" in read) return read.refusal;
  const { body } = read;
  try {
    await receiveProvisioningEvent({ headers: request.headers, body, secret });
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof UnauthenticEventError) {
      return problem(401, "Unauthorized", error.message);
    }
    if (error instanceof InvalidError) return problem(400, "Bad Request", error.message);
    if (error instanceof NotFoundError) return problem(404, "Not Found", error.message);
    if (error instanceof ConflictError) return problem(409, "Conflict", error.message);
    throw error;
  }
}
