import { describe, expect, it } from "vitest";
import { connection, setConnection } from "../db/client";
import { withTestDatabase } from "../tests/support/test-database";
import { checkDatabase } from "./health";

withTestDatabase();

describe("checkDatabase", () => {
  it("reports a reachable database", async () => {
    expect(await checkDatabase()).toBe(true);
  });

  it("reports an unreachable database instead of throwing", async () => {
    const current = connection();
    setConnection({
      ...current,
      db: {
        execute: () => Promise.reject(new Error("connection refused")),
      } as unknown as typeof current.db,
    });
    try {
      expect(await checkDatabase()).toBe(false);
    } finally {
      setConnection(current);
    }
  });
});
