import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for Resend's POST /emails on 127.0.0.1, for tests and the throughput script.
// Like Resend it honours Idempotency-Key: a repeat of a key returns the first answer's id
// and sends nothing; the same key with another message is refused with 409.

export type FakeResendRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
};

export type FakeResendAnswer = { status: number; body?: unknown; delayMs?: number };

export type FakeResend = {
  baseUrl: string;
  /** Every request, repeats included. */
  requests: FakeResendRequest[];
  /** Each message accepted once, by the id the fake gave it. */
  messages: Map<string, Record<string, unknown>>;
  /** Answers for the next requests, in order; afterwards every message is accepted. */
  answerNext: (...answers: FakeResendAnswer[]) => void;
  reset: () => void;
  close: () => Promise<void>;
};

/** `delayMs`: how long every answer takes (a slow provider, or a burst that lasts). */
export async function startFakeResend({ delayMs = 0 } = {}): Promise<FakeResend> {
  const requests: FakeResendRequest[] = [];
  const messages = new Map<string, Record<string, unknown>>();
  const byKey = new Map<string, { id: string; body: string }>();
  const answers: FakeResendAnswer[] = [];

  const server: Server = createServer((request, response) => {
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      raw += chunk;
    });
    request.on("end", () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body,
      });
      const reply = (status: number, json: unknown) =>
        response
          .writeHead(status, { "content-type": "application/json" })
          .end(JSON.stringify(json));
      const answer = answers.shift();
      const respond = () => {
        if (answer && answer.status !== 200) return reply(answer.status, answer.body ?? {});
        const key = String(request.headers["idempotency-key"] ?? "");
        const earlier = key ? byKey.get(key) : undefined;
        if (earlier && earlier.body !== raw) {
          return reply(409, {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request payload.",
          });
        }
        if (earlier) return reply(200, { id: earlier.id });
        const id = randomUUID();
        messages.set(id, body);
        if (key) byKey.set(key, { id, body: raw });
        return reply(200, { id });
      };
      const wait = answer?.delayMs ?? delayMs;
      if (wait) setTimeout(respond, wait);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    messages,
    answerNext: (...next) => {
      answers.push(...next);
    },
    reset: () => {
      requests.length = 0;
      messages.clear();
      byKey.clear();
      answers.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
