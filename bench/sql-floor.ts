import type { Actor } from "../lib/auth/actor";
import { loadPermissions } from "../lib/auth/load-permissions";
import { loadSessionUser } from "../lib/auth/load-session-user";
import { countUsers } from "../lib/users/count-users";
import { listUsers } from "../lib/users/list-users";
import type { BenchFacts } from "./facts";
import { openLoggedConnection } from "./logged-connection";
import { phoneFloorCases } from "./phone-floor";

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};
type Explained = { Plan: PlanNode; "Planning Time": number; "Execution Time": number };

export type FloorQuery = {
  sql: string;
  executionMs: number;
  planningMs: number;
  /** Every scan of a table or index, e.g. "Index Scan on users using users_list_idx". */
  scans: string[];
  /** Sequential scans with the rows they returned (a one-row table is harmless). */
  seqScans: string[];
  buffers: { hit: number; read: number };
};

export type FloorCase = {
  name: string;
  executionMs: number;
  seqScan: boolean;
  queries: FloorQuery[];
};

function walk(node: PlanNode, visit: (node: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The database's share of each page: the statements the User List's services send for it
 * (captured from the services themselves), each run under EXPLAIN (ANALYZE, BUFFERS) three
 * times; the median execution time is the floor no HTTP figure can go below.
 */
export async function measureSqlFloor(facts: BenchFacts): Promise<FloorCase[]> {
  const connection = openLoggedConnection();
  // The bench User's latest sign-in, so the session check finds its row as it does per request.
  const [session] = await connection.query(
    "select id from sessions where user_id = $1 order by created_at desc limit 1",
    [facts.user.id],
  );
  const sessionId = String(session?.id ?? crypto.randomUUID());
  const actor: Actor = {
    id: facts.admin.id,
    accountId: facts.admin.accountId,
    role: "administrator",
    userName: facts.admin.userName,
    clientAddress: "127.0.0.1",
  };
  const list = { status: "active" as const, q: "" };
  const cases: [string, () => Promise<unknown>][] = [
    [
      "/users",
      () => Promise.all([listUsers({ actor, query: list }), countUsers({ actor, q: "" })]),
    ],
    [
      `/users?q=${facts.search.q}`,
      () =>
        Promise.all([
          listUsers({ actor, query: { ...list, q: facts.search.q } }),
          countUsers({ actor, q: facts.search.q }),
        ]),
    ],
    [
      "/users?q=<one user's name>",
      () =>
        Promise.all([
          listUsers({ actor, query: { ...list, q: facts.detailUser.userName } }),
          countUsers({ actor, q: facts.detailUser.userName }),
        ]),
    ],
    [
      "/users deep page",
      () => listUsers({ actor, query: { ...list, after: facts.deepByUserName.after } }),
    ],
    [
      "/users?sort=lastName deep page",
      () =>
        listUsers({
          actor,
          query: { ...list, sort: "lastName", after: facts.deepByLastName.after },
        }),
    ],
    [
      "session check of a User (every page)",
      () =>
        Promise.all([loadSessionUser(facts.user.id, sessionId), loadPermissions(facts.user.id)]),
    ],
    ...(facts.phone ? phoneFloorCases(facts.phone, actor) : []),
  ];
  try {
    const results: FloorCase[] = [];
    for (const [name, work] of cases) {
      const queries: FloorQuery[] = [];
      for (const statement of await connection.capture(work)) {
        const runs: Explained[] = [];
        for (let run = 0; run < 3; run++) {
          const [row] = await connection.query(
            `explain (analyze, buffers, format json) ${statement.sql}`,
            statement.params,
          );
          const plan = row?.["QUERY PLAN"];
          const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as Explained[];
          if (parsed[0]) runs.push(parsed[0]);
        }
        const last = runs.at(-1);
        if (!last) continue;
        const scans: string[] = [];
        const seqScans: string[] = [];
        walk(last.Plan, (node) => {
          const type = node["Node Type"];
          if (!type.includes("Scan") || (!node["Relation Name"] && !node["Index Name"])) return;
          const on = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
          scans.push(`${type}${on}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}`);
          if (type.includes("Seq Scan")) {
            const rows = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
            seqScans.push(`${node["Relation Name"]} (${rows} row${rows === 1 ? "" : "s"})`);
          }
        });
        queries.push({
          sql: statement.sql,
          executionMs: median(runs.map((explained) => explained["Execution Time"])),
          planningMs: median(runs.map((explained) => explained["Planning Time"])),
          scans,
          seqScans,
          buffers: {
            hit: last.Plan["Shared Hit Blocks"] ?? 0,
            read: last.Plan["Shared Read Blocks"] ?? 0,
          },
        });
      }
      results.push({
        name,
        executionMs: queries.reduce((sum, query) => sum + query.executionMs, 0),
        seqScan: queries.some((query) => query.seqScans.length > 0),
        queries,
      });
    }
    return results;
  } finally {
    await connection.close();
  }
}
