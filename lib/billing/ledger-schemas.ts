import { z } from "zod";

/**
 * What the Type filter picks. Charges: invoices issued. Payments: money received (card,
 * cheque, transfer; against an invoice or as account credit). Credits: what lowers the
 * balance without money arriving (a voided invoice) and the memo of account credit applied
 * to an invoice.
 */
export const ledgerTypes = ["all", "charges", "payments", "credits"] as const;
export type LedgerType = (typeof ledgerTypes)[number];

/** A real calendar day "YYYY-MM-DD" (not 2026-02-30), in years the database reads as dates. */
function isCalendarDay(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(day.getTime()) &&
    day.toISOString().startsWith(text) &&
    day.getUTCFullYear() >= 1900
  );
}

// A bad value is dropped (the filter is left off) rather than refused: the query comes from
// a link or a GET form, and a page that answers is better than an error for a typo.
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDay)
  .optional()
  .catch(undefined);

/** The Billing activity page's filters and its CSV export's: dates in the account's time zone. */
export const ledgerQuerySchema = z.object({
  type: z.enum(ledgerTypes).catch("all"),
  from: calendarDay,
  to: calendarDay,
});
export type LedgerQuery = z.output<typeof ledgerQuerySchema>;

/** The query as URL parameters, leaving out what is not filtered: for links and the export. */
export function ledgerSearchParams(query: LedgerQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.type !== "all") params.set("type", query.type);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params;
}
