// GET /api/users/suggestions?q=…: signed-in users who may view users (users:view); answers
// at most 10 of their own account's users matching q, for the user pickers. 401 when not
// signed in, 403 without the permission or before the licence is accepted.
import { currentSession } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/errors";
import { suggestUsers } from "@/lib/users/suggest-users";

export const dynamic = "force-dynamic";

// Names and emails of people: never kept by a browser or a shared cache.
const headers = { "cache-control": "no-store" };

function refusal(status: 401 | 403, message: string): Response {
  return Response.json({ error: message }, { status, headers });
}

export async function GET(request: Request) {
  const session = await currentSession();
  if (session.status === "anonymous") return refusal(401, "Sign in to search users.");
  if (session.status === "licence_required") {
    return refusal(403, "Accept the licence agreement first.");
  }
  const q = new URL(request.url).searchParams.get("q") ?? "";
  try {
    return Response.json(await suggestUsers({ actor: session.actor, q }), { headers });
  } catch (error) {
    if (error instanceof ForbiddenError) return refusal(403, error.message);
    throw error;
  }
}
