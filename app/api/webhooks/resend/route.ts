// POST /api/webhooks/resend: Resend's delivery events, signed with RESEND_WEBHOOK_SECRET (Svix
// headers). 204 when taken (events of no interest included); otherwise application/problem+json
// and nothing changed: 401 unsigned, stale or replayed, 400 malformed, 404 no secret configured.

import { receiveResendEvent, UnauthenticWebhookError } from "@/lib/email/receive-resend-event";
import { env } from "@/lib/env";
import { InvalidError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const maxBodyBytes = 256 * 1024;

function problem(status: number, title: string, detail: string): Response {
  return Response.json(
    { type: "about:blank", title, status, detail },
    {
      status,
      headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
    },
  );
}

export async function POST(request: Request): Promise<Response> {
  const secret = env.RESEND_WEBHOOK_SECRET;
  if (!secret) {
    return problem(404, "Not Found", "This portal takes no Resend events: no secret is set.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes) {
    return problem(413, "Content Too Large", `The body must be at most ${maxBodyBytes} bytes.`);
  }
  const body = await request.text();
  if (Buffer.byteLength(body) > maxBodyBytes) {
    return problem(413, "Content Too Large", `The body must be at most ${maxBodyBytes} bytes.`);
  }
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
