import type { CaseResult } from "./load";
import type { SeatSaveResult } from "./seat-save";
import type { Timings } from "./timings";

/** The instance sizes a report states: how big Bench Big and Bench Small were. */
export type PhoneSummary = Record<
  "big" | "small",
  { name: string; features: number; seats: number }
>;

// The target for the Save of a seat from a five-feature template, on PostgreSQL here.
export const seatSaveTargetP95Ms = 100;

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

type Table = (header: string[], rows: string[][]) => string;

/** Each page measured for both instances, on one line: big, small, and big's share of small's rate. */
export function formatComparison(cases: CaseResult[], table: Table): string | undefined {
  const pages = [...new Set(cases.flatMap((result) => result.compare?.page ?? []))];
  if (pages.length === 0) return undefined;
  const find = (page: string, instance: "big" | "small") =>
    cases.find((result) => result.compare?.page === page && result.compare.instance === instance);
  const rows = pages.map((page) => {
    const big = find(page, "big");
    const small = find(page, "small");
    const cells = (result: CaseResult | undefined) =>
      result
        ? [result.requestsPerSecond.toFixed(1), ms(result.latencyMs.p50), ms(result.latencyMs.p99)]
        : ["", "", ""];
    const ratio =
      big && small && small.requestsPerSecond > 0
        ? `${Math.round((big.requestsPerSecond / small.requestsPerSecond) * 100)}%`
        : "";
    return [page, ...cells(big), ...cells(small), ratio];
  });
  return table(
    [
      "big vs small",
      "big req/s",
      "p50 ms",
      "p99 ms",
      "small req/s",
      "p50 ms",
      "p99 ms",
      "big/small",
    ],
    rows,
  );
}

/** The Save's timings and its parts, with the target it is held to. */
export function formatSeatSave(result: SeatSaveResult, table: Table): string {
  const row = (name: string, timings: Timings) => [
    name,
    String(timings.count),
    ms(timings.p50),
    ms(timings.p95),
    ms(timings.p99),
    ms(timings.mean),
    ms(timings.max),
  ];
  const met = result.saveMs.p95 < seatSaveTargetP95Ms ? "met" : "NOT met";
  return [
    `Save of a new user with a seat from ${result.template} (${result.featuresPerSeat} features) in ${result.instance}: ${result.saves} Saves one after another, after ${result.warmup} untimed.`,
    table(
      ["seat Save", "n", "p50 ms", "p95 ms", "p99 ms", "mean ms", "max ms"],
      [
        row("Save: createUser with the draft", result.saveMs),
        row("  the user alone: createUser, no draft", result.plainCreateUserMs),
        row("  the seat alone: saveDraftSeats", result.seatPartMs),
        row("    argon2id hash (in the user's part)", result.hashMs),
      ],
    ),
    `One Save sends ${result.statementsPerSave} statements, BEGIN, COMMIT and savepoints included.`,
    `Target p95 under ${seatSaveTargetP95Ms} ms: ${met} (${ms(result.saveMs.p95)} ms).`,
  ].join("\n");
}
