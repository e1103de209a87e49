// GET /billing/activity/export?type=&from=&to=: the Billing activity as CSV, for signed-in
// users with Billing: View or Manage; the same filters as the page. 401 when not signed in,
// 403 without the permission or before the licence is accepted.
import { currentSession } from "@/lib/auth/current-user";
import { listLedger } from "@/lib/billing/ledger";
import { ledgerCsv } from "@/lib/billing/ledger-csv";
import { ledgerQuerySchema } from "@/lib/billing/ledger-schemas";
import { ForbiddenError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// Billing records: never kept by a shared cache, never read as anything but a download.
const fileHeaders = {
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
};

function refusal(status: 401 | 403, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...fileHeaders, "content-type": "text/plain; charset=utf-8" },
  });
}

/** Today in the account's time zone, "2026-11-30", to name the file. */
function localToday(timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date());
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export async function GET(request: Request) {
  const session = await currentSession();
  if (session.status === "anonymous") return refusal(401, "Sign in to export billing activity.");
  if (session.status === "licence_required") {
    return refusal(403, "Accept the licence agreement first.");
  }
  const params = new URL(request.url).searchParams;
  const query = ledgerQuerySchema.parse(Object.fromEntries(params));
  try {
    const ledger = await listLedger({ actor: session.actor, query });
    const fileName = `billing-activity-${localToday(ledger.timeZone)}.csv`;
    return new Response(ledgerCsv(ledger.entries), {
      headers: {
        ...fileHeaders,
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": `attachment; filename="${fileName}"`,
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return refusal(403, error.message);
    throw error;
  }
}
