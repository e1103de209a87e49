import { describe, expect, it } from "vitest";
import { readLimitedBody } from "./read-limited-body";

function streamed(chunks: number, chunkBytes: number) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(97));
    },
  });
  const request = new Request("http://127.0.0.1/x", {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  return { request, sentChunks: () => sent };
}

describe("readLimitedBody", () => {
  it("reads a body within the limit", async () => {
    const result = await readLimitedBody(
      new Request("http://127.0.0.1/x", { method: "POST", body: "hello" }),
      10,
    );
    expect(result).toEqual({ body: "hello" });
  });

  it("stops reading a streamed body with no length once it passes the limit", async () => {
    const { request, sentChunks } = streamed(1000, 1024);
    const result = await readLimitedBody(request, 4 * 1024);
    expect("refusal" in result && result.refusal.status).toBe(413);
    expect(sentChunks()).toBeLessThan(10);
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = new Request("http://127.0.0.1/x", {
      method: "POST",
      body: "x".repeat(20),
      headers: { "content-length": "20" },
    });
    const result = await readLimitedBody(request, 10);
    expect("refusal" in result && result.refusal.status).toBe(413);
  });
});
