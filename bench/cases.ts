import { benchPassword, benchUserLogin } from "./bench-data";
import type { BenchFacts } from "./facts";
import { signInForm, signInHeaders } from "./http";
import { phoneCases } from "./phone-cases";

export type BenchCase = {
  name: string;
  method: "GET" | "POST";
  path: string;
  connections: number;
  headers: Record<string, string>;
  body?: string;
  /** Checked once on a full response before the load starts, so a redirect or an error
   * page is never measured as if it were the page. */
  expect: { status: number; text?: string };
  /** A page measured for a big and a small instance: the report sets the two side by side. */
  compare?: { page: string; instance: "big" | "small" };
};

export type Sessions = { admin: string; user: string };

/** The cases, in the order they run and print. */
export function benchCases(facts: BenchFacts, sessions: Sessions, origin: string): BenchCase[] {
  const page = (name: string, path: string, text: string, cookie = sessions.admin): BenchCase => ({
    name,
    method: "GET",
    path,
    connections: 10,
    headers: { cookie },
    expect: { status: 200, text },
  });
  const deep = (sort: string, after: string) =>
    `/users?${new URLSearchParams({ ...(sort ? { sort } : {}), after })}`;
  return [
    page("/users", "/users", "User Manager"),
    page(
      `/users?q=${facts.search.q} (${facts.search.activeMatches.toLocaleString("en")} matches)`,
      `/users?q=${encodeURIComponent(facts.search.q)}`,
      "Smith",
    ),
    // One match: the list walks its index until it has found a page, or the end.
    page(
      "/users?q=<one user's name>",
      `/users?q=${encodeURIComponent(facts.detailUser.userName)}`,
      facts.detailUser.userName,
    ),
    page(
      `/users deep page (row ${facts.deepByUserName.position.toLocaleString("en")})`,
      deep("", facts.deepByUserName.after),
      facts.deepByUserName.firstUserName,
    ),
    page(
      `/users?sort=lastName deep page`,
      deep("lastName", facts.deepByLastName.after),
      facts.deepByLastName.firstUserName,
    ),
    page("/users/<id>", `/users/${facts.detailUser.id}`, facts.detailUser.userName),
    page("/users as a User", "/users", "User Manager", sessions.user),
    ...(facts.phone ? phoneCases(facts.phone, sessions.admin) : []),
    {
      name: "GET /api/v1/users?limit=50",
      method: "GET",
      path: "/api/v1/users?limit=50",
      connections: 10,
      headers: { authorization: `Bearer ${facts.apiToken}` },
      expect: { status: 200, text: '"nextCursor"' },
    },
    {
      name: "POST /api/sign-in",
      method: "POST",
      path: "/api/sign-in",
      // Each sign-in is an argon2id verify (tens of ms of CPU): 4 at a time saturate 2 cores.
      connections: 4,
      headers: signInHeaders(origin),
      body: signInForm(benchUserLogin, benchPassword),
      expect: { status: 200, text: '"ok":true' },
    },
    // The framework's floor: the cheapest page there is (the root layout around a short
    // message, signed in), and below, a route handler with one query. What a page costs above
    // the first is its own; the first is what every page pays.
    {
      ...page("floor: a 404 page, signed in", "/no-such-page", "Page not found"),
      expect: { status: 404, text: "Page not found" },
    },
    {
      name: "/api/health",
      method: "GET",
      path: "/api/health",
      connections: 10,
      headers: {},
      expect: { status: 200, text: '"status":"ok"' },
    },
  ];
}
