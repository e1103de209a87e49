import { defineConfig } from "@playwright/test";

// Browser tests run against a production build served by server.ts on its own
// data folder (or the PostgreSQL database in DATABASE_URL, reset first).
const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Per port, like the build and data folders: a run beside this one keeps its own results.
  outputDir: port === 3210 ? "test-results" : `test-results-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /first-run\.setup\.ts/ },
    { name: "chromium", testMatch: /\.spec\.ts/, testIgnore: /last\//, dependencies: ["setup"] },
    // Blocks 127.0.0.1 for sign-ins, so it runs after everything else.
    { name: "last", testMatch: /last\/.*\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: {
    command: "tsx tests/e2e/support/reset-database.ts && npm run build && npm run serve",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: `.data-e2e-${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The webhook tests' receiver listens on 127.0.0.1, which production would refuse.
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
      // Another port (a second run beside this one) builds into its own folder.
      NEXT_DIST_DIR: port === 3210 ? ".next-e2e" : `.next-e2e-${port}`,
      // Production on PostgreSQL requires a configured secret (PGlite generates one).
      ...(process.env.DATABASE_URL && !process.env.AUTH_SECRET
        ? { AUTH_SECRET: "browser-tests-only-secret-not-for-production-use" }
        : {}),
    },
  },
});
