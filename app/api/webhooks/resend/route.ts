// POST /api/webhooks/resend: Resend's delivery events, signed with RESEND_WEBHOOK_SECRET (Svix
// headers). 204 when taken (events of no interest included); otherwise application/problem+json
// and nothing changed: 401 unsigned, stale or replayed, 400 malformed, 404 no secret configured.

import { receiveResendEvent, UnauthenticWebhookError } from "@/lib/email/receive-resend-event";
import { env } from "@/lib/env";
import { InvalidError } from "@/lib/errors";

import { problem } from "@/lib/http/problem";
import { readLimitedBody } from "@/lib/http/read-limited-body";

export const dynamic = "force-dynamic";

const maxBodyBytes = 256 * 1024;

export async function POST(request: Request): Promise<Response> {
  const secret = env.RESEND_WEBHOOK_SECRET;
  if (!secret) {
    return problem(404, "Not Found", "This portal takes no Resend events: no secret is set.");
  }
  const read = await readLimitedBody(request, maxBodyBytes);
  if ("refusal" in read) return read.refusal;
  const { body } = read;
  try {
    await receiveResendEvent({ headers: request.headers, body, secret });
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof UnauthenticWebhookError) {
      return problem(401, "Unauthorized", error.message);
    }
    if (error instanceof InvalidError) return problem(400, "Bad Request", error.message);
    throw error;
  }
}
