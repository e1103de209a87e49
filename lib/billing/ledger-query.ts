import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { PaymentKind } from "@/db/schema";
import type { LedgerQuery } from "./ledger-schemas";

/**
 * charge: an invoice issued; void: what voiding it took off; payment: money received (card,
 * cheque, transfer); credit_applied: account credit used on an invoice, a memo that moves
 * nothing (see ledgerEntries in ledger.ts).
 */
export type LedgerEntryKind = "charge" | "void" | "payment" | "credit_applied";

export type LedgerRow = {
  kind: LedgerEntryKind;
  /** The invoice's or the payment's id. */
  sourceId: string;
  at: Date;
  /** The day of `at` in the account's time zone, "2026-11-15". */
  localDate: string;
  /** What the entry does to the balance: positive a charge, negative a payment or credit. */
  amountMinor: number;
  /** The amount of a memo entry, which moves nothing. */
  memoMinor: number;
  /** The balance after this entry, counting every entry of the account up to it. */
  balanceMinor: number;
  currency: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  paymentKind: PaymentKind | null;
  methodLabel: string;
  reference: string;
};

type RawRow = {
  kind: LedgerEntryKind;
  source_id: string;
  at: string;
  local_date: string;
  amount_minor: number | string;
  memo_minor: number | string;
  balance_minor: number | string | bigint;
  currency: string;
  invoice_id: string | null;
  invoice_number: string | null;
  payment_kind: PaymentKind | null;
  method_label: string;
  reference: string;
};

/**
 * Every entry of the account, one select per source. Within one instant a charge comes before
 * its void, a void before a payment and a payment before a memo; then the source's id, so
 * the order (and each running balance) is the same on every read.
 */
function entriesOf(accountId: string): SQL {
  return sql`
    select 'charge' as kind, 0 as kind_order, i.id as source_id, i.issued_at as at,
      i.total_minor as amount_minor, 0 as memo_minor, i.currency,
      i.id as invoice_id, i.number as invoice_number,
      null as payment_kind, '' as method_label, '' as reference
    from invoices i
    where i.account_id = ${accountId}
    union all
    select 'void', 1, i.id, i.voided_at, -i.voided_minor, 0, i.currency,
      i.id, i.number, null, '', ''
    from invoices i
    where i.account_id = ${accountId} and i.voided_at is not null and i.voided_minor <> 0
    union all
    select
      case when p.kind = 'credit' then 'credit_applied' else 'payment' end,
      case when p.kind = 'credit' then 3 else 2 end,
      p.id, coalesce(p.settled_at, p.created_at),
      case when p.kind = 'credit' then 0 else -p.amount_minor end,
      case when p.kind = 'credit' then p.amount_minor else 0 end,
      p.currency, p.invoice_id, i.number, p.kind, p.method_label, p.reference
    from payments p
    left join invoices i on i.id = p.invoice_id and i.account_id = p.account_id
    where p.account_id = ${accountId} and p.status = 'succeeded'`;
}

const kindsOfType: Record<Exclude<LedgerQuery["type"], "all">, LedgerEntryKind[]> = {
  charges: ["charge"],
  payments: ["payment"],
  credits: ["void", "credit_applied"],
};

/** The bounds of the From and To days, read as local midnights in `timeZone`. */
function filterOf(query: LedgerQuery, timeZone: string): SQL {
  const conditions: SQL[] = [sql`true`];
  if (query.type !== "all") {
    const kinds = kindsOfType[query.type].map((kind) => sql`${kind}`);
    conditions.push(sql`kind in (${sql.join(kinds, sql`, `)})`);
  }
  if (query.from) {
    conditions.push(
      sql`at >= (cast(${query.from} as date)::timestamp at time zone cast(${timeZone} as text))`,
    );
  }
  if (query.to) {
    conditions.push(
      sql`at < ((cast(${query.to} as date) + 1)::timestamp at time zone cast(${timeZone} as text))`,
    );
  }
  return sql.join(conditions, sql` and `);
}

export type ReadLedgerOptions = { accountId: string; query: LedgerQuery; timeZone: string };

/**
 * The account's entries that match the filters, oldest first, each with the balance after
 * it. The running sum is taken over all the account's entries before filtering, so a
 * filtered row still shows the true balance at that point.
 */
export async function readLedgerRows(
  db: Executor,
  { accountId, query, timeZone }: ReadLedgerOptions,
): Promise<LedgerRow[]> {
  const result = await db.execute(sql`
    with entries as (${entriesOf(accountId)}),
    ledger as (
      select entries.*,
        sum(amount_minor) over (
          order by at, kind_order, source_id rows between unbounded preceding and current row
        ) as balance_minor
      from entries
    )
    select kind, source_id::text as source_id,
      to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
      to_char(at at time zone cast(${timeZone} as text), 'YYYY-MM-DD') as local_date,
      amount_minor, memo_minor, balance_minor::text as balance_minor, currency,
      invoice_id::text as invoice_id, invoice_number, payment_kind, method_label, reference
    from ledger
    where ${filterOf(query, timeZone)}
    order by at, kind_order, source_id`);
  // node-postgres and PGlite both answer raw queries with { rows }.
  const rows = (result as unknown as { rows: RawRow[] }).rows;
  return rows.map((row) => ({
    kind: row.kind,
    sourceId: row.source_id,
    at: new Date(row.at),
    localDate: row.local_date,
    amountMinor: Number(row.amount_minor),
    memoMinor: Number(row.memo_minor),
    balanceMinor: Number(row.balance_minor),
    currency: row.currency,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    paymentKind: row.payment_kind,
    methodLabel: row.method_label,
    reference: row.reference,
  }));
}

/** What the account owes now (negative: credit in its favour), over all its entries. */
export async function readLedgerBalance(db: Executor, accountId: string): Promise<number> {
  const result = await db.execute(
    sql`select coalesce(sum(amount_minor), 0)::text as balance from (${entriesOf(accountId)}) as entries`,
  );
  const [row] = (result as unknown as { rows: { balance: string }[] }).rows;
  return Number(row?.balance ?? 0);
}
