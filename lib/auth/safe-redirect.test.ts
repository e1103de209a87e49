import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps a path with its query", () => {
    expect(safeRedirectPath("/users?q=ann&status=inactive")).toBe("/users?q=ann&status=inactive");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "\t//evil.example",
    "/\t/evil.example",
    "",
    undefined,
    42,
  ])("falls back for %s", (target) => {
    expect(safeRedirectPath(target, "/home")).toBe("/home");
  });
});
