import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

// A webhook receiver on 127.0.0.1 for tests: it checks every request's signature the way a
// real receiver would, with the standardwebhooks package and the endpoint's secret.

export type ReceivedWebhook = {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The `webhook-id` header. */
  id: string;
  /** True when `new Webhook(secret).verify(body, headers)` accepted it. */
  verified: boolean;
  /** Why verification failed, when it did. */
  verifyError: string;
};

export type ReceiverAnswer = {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow receiver, or one that never answers in time). */
  delayMs?: number;
};

export type TestReceiver = {
  /** http://127.0.0.1:<port> */
  origin: string;
  received: ReceivedWebhook[];
  /** The secret requests to `path` are verified with. */
  expect: (path: string, secret: string) => void;
  /** Answers for the next requests, in order; afterwards each gets the default. */
  answerNext: (...answers: ReceiverAnswer[]) => void;
  /** What every request gets once the queued answers are used up; default 200. */
  answerAlways: (answer: ReceiverAnswer) => void;
  reset: () => void;
  close: () => Promise<void>;
};

function headerText(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

export async function startTestReceiver(): Promise<TestReceiver> {
  const received: ReceivedWebhook[] = [];
  const secrets = new Map<string, string>();
  const answers: ReceiverAnswer[] = [];
  let always: ReceiverAnswer = { status: 200, body: "ok" };
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      const path = request.url ?? "";
      const secret = secrets.get(path);
      let verified = false;
      let verifyError = "no secret for this path";
      if (secret) {
        try {
          new Webhook(secret).verify(body, headerText(request.headers));
          verified = true;
          verifyError = "";
        } catch (error) {
          verifyError = error instanceof Error ? error.message : String(error);
        }
      }
      received.push({
        path,
        headers: request.headers,
        body,
        id: String(request.headers["webhook-id"] ?? ""),
        verified,
        verifyError,
      });
      const answer = answers.shift() ?? always;
      const respond = () => {
        if (response.destroyed) return;
        response.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        response.end(answer.body ?? "");
      };
      if (!answer.delayMs) return respond();
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond();
      }, answer.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    expect: (path, secret) => {
      secrets.set(path, secret);
    },
    answerNext: (...next) => {
      answers.push(...next);
    },
    answerAlways: (answer) => {
      always = answer;
    },
    reset: () => {
      received.length = 0;
      answers.length = 0;
      always = { status: 200, body: "ok" };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
