import type { APIRequestContext } from "@playwright/test";
import { terminateBackends } from "../../support/postgres-admin";
import { admin } from "../support/accounts";
import { expect, test } from "../support/test";
import { createUser, signedInPage } from "../support/users";

// The server's PostgreSQL drops every connection (a restart, a failover) while the portal
// is busy. Requests caught mid-query may fail; every request issued after the drop must be
// answered normally, and nothing written before may be lost. Runs with the last tests, as a
// request of any test running beside it could be one of those caught mid-query.

const databaseUrl = process.env.DATABASE_URL ?? "";

type Outcome = { path: string; afterDrop: boolean; status: number | string };

/** Requests `paths` in turn until `done()`, noting for each whether it was issued after the drop. */
async function keepRequesting(
  request: APIRequestContext,
  paths: string[],
  dropped: () => boolean,
  done: () => boolean,
  outcomes: Outcome[],
) {
  for (let turn = 0; !done(); turn++) {
    const path = paths[turn % paths.length] ?? "/";
    const afterDrop = dropped();
    // No redirects followed: a session check that failed on the database would show as a
    // redirect to sign-in, not as a 200 sign-in page.
    const status = await request
      .get(path, { maxRedirects: 0 })
      .then((response) => response.status())
      .catch((error: Error) => error.message);
    outcomes.push({ path, afterDrop, status });
  }
}

test("requests after the database drops every connection succeed, and nothing is lost", async ({
  browser,
}) => {
  test.skip(!databaseUrl, "Needs DATABASE_URL: on PGlite the database has no connections to drop.");
  test.setTimeout(120_000);
  const page = await signedInPage(browser, admin.userName, admin.password);
  const created = await createUser(page, "survivor");
  const request = page.context().request;
  const paths = ["/users", `/users?q=${created.userName}`, "/groups", "/profile", "/api/health"];

  // Pages side by side, so the server's pool holds several idle connections to be dropped.
  const warm = await Promise.all(paths.map((path) => request.get(path, { maxRedirects: 0 })));
  expect(warm.map((response) => response.status())).toEqual(paths.map(() => 200));

  const outcomes: Outcome[] = [];
  let dropped = false;
  let stopAt = Number.POSITIVE_INFINITY;
  const done = () => Date.now() > stopAt;
  const inFlight = Array.from({ length: 3 }, () =>
    keepRequesting(request, paths, () => dropped, done, outcomes),
  );
  // Let the requests get going, then end every connection to the server's database (the
  // helper waits until those server processes have exited) while they are in flight.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const ended = await terminateBackends(databaseUrl, new URL(databaseUrl).pathname.slice(1));
  dropped = true;
  stopAt = Date.now() + 3000;
  await Promise.all(inFlight);

  const after = outcomes.filter((outcome) => outcome.afterDrop);
  const failedInFlight = outcomes.filter((outcome) => !outcome.afterDrop && outcome.status !== 200);
  test.info().annotations.push({
    type: "requests",
    description:
      `${ended} connections dropped; ${after.length} of ${outcomes.length} requests issued ` +
      `after the drop; ${failedInFlight.length} issued before it failed`,
  });
  expect(ended, "connections the server had open").toBeGreaterThan(0);
  expect(after.length, "requests issued after the drop").toBeGreaterThan(5);
  expect(after.filter((outcome) => outcome.status !== 200)).toEqual([]);

  // The user created before the drop is still there, on a page the browser renders.
  await page.goto(`/users?q=${created.userName}`);
  await expect(page.getByRole("link", { name: created.userName, exact: true })).toBeVisible();
  await page.context().close();
});
