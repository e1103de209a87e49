import { problem } from "./problem";

/**
 * A request's body as text, read no further than `maxBytes`: a sender that declares no
 * length (or lies about it) cannot make the server hold more than that in memory. Returns
 * the 413 answer instead when the body is larger.
 */
export async function readLimitedBody(
  request: Request,
  maxBytes: number,
): Promise<{ body: string } | { refusal: Response }> {
  const tooLarge = () => ({
    refusal: problem(413, "Content Too Large", `The body must be at most ${maxBytes} bytes.`),
  });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return tooLarge();
  if (!request.body) return { body: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return { body: Buffer.concat(chunks).toString("utf8") };
}
