import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Services import "server-only"; under Vitest they run in Node, which is a server.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // An uncaught error (a dropped connection nobody listens for, a stray rejection) fails
    // the run even when every test passed: it is a bug in the code or the tests, not noise.
    dangerouslyIgnoreUnhandledErrors: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
