import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for the part of Stripe's API the Stripe adapter uses, on 127.0.0.1, for tests:
// customers, Checkout Sessions in setup mode, off-session PaymentIntents and detaching a
// PaymentMethod. It records every request (the form body decoded to Stripe's flat
// "metadata[accountId]" keys) and answers with Stripe's JSON shapes. Like Stripe it replays
// the first answer to a repeated Idempotency-Key and refuses the key with other parameters.

export type FakeStripeRequest = {
  method: string;
  /** Without the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The form body (POST) or the query (GET), as Stripe's flat keys. */
  params: Record<string, string>;
};

export type FakeStripeAnswer = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export type FakeCard = {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  name: string | null;
};

export type FakeDecline = { code: string; declineCode?: string; message: string };

export type FakeStripe = {
  apiUrl: string;
  requests: FakeStripeRequest[];
  /** Answers for the next requests, in order, before the normal ones. */
  answerNext: (...answers: FakeStripeAnswer[]) => void;
  /** The person saved `card` on the session's page: the session completes with a new card. */
  completeSession: (sessionId: string, card: FakeCard) => { paymentMethodId: string };
  /** Charges to this card fail with a card error. */
  declineCard: (paymentMethodId: string, decline: FakeDecline) => void;
  reset: () => void;
  close: () => Promise<void>;
};

type Json = Record<string, unknown>;

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: FakeStripeRequest[] = [];
  const answers: FakeStripeAnswer[] = [];
  const sessions = new Map<string, Json>();
  const setupIntents = new Map<string, Json>();
  const paymentMethods = new Map<string, Json>();
  const declines = new Map<string, FakeDecline>();
  const byKey = new Map<string, { params: string; status: number; body: unknown }>();

  function route(method: string, path: string, params: Record<string, string>) {
    if (method === "POST" && path === "/v1/customers") {
      return ok({
        id: id("cus"),
        object: "customer",
        email: params.email ?? null,
        metadata: metadataOf(params),
      });
    }
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const sessionId = id("cs_test");
      const setupIntentId = id("seti");
      setupIntents.set(setupIntentId, {
        id: setupIntentId,
        object: "setup_intent",
        status: "requires_payment_method",
        payment_method: null,
        customer: params.customer ?? null,
      });
      const session: Json = {
        id: sessionId,
        object: "checkout.session",
        mode: params.mode,
        status: "open",
        currency: params.currency ?? null,
        customer: params.customer ?? null,
        client_reference_id: params.client_reference_id ?? null,
        success_url: params.success_url,
        cancel_url: params.cancel_url ?? null,
        metadata: metadataOf(params),
        setup_intent: setupIntentId,
        url: `https://checkout.stripe.com/c/pay/${sessionId}`,
      };
      sessions.set(sessionId, session);
      return ok(session);
    }
    const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && sessionPath) {
      const session = sessions.get(decodeURIComponent(sessionPath[1]!));
      if (!session) return missing("checkout.session", sessionPath[1]!);
      const expand = Object.entries(params)
        .filter(([key]) => key.startsWith("expand["))
        .map(([, value]) => value);
      if (!expand.some((value) => value.startsWith("setup_intent"))) return ok(session);
      const intent = setupIntents.get(String(session.setup_intent));
      const methodId = intent?.payment_method;
      return ok({
        ...session,
        setup_intent: {
          ...intent,
          payment_method:
            expand.includes("setup_intent.payment_method") && typeof methodId === "string"
              ? paymentMethods.get(methodId)
              : methodId,
        },
      });
    }
    if (method === "POST" && path === "/v1/payment_intents") {
      const paymentMethod = params.payment_method ?? "";
      if (!paymentMethods.has(paymentMethod)) return missing("payment_method", paymentMethod);
      const intent = {
        id: id("pi"),
        object: "payment_intent",
        amount: Number(params.amount),
        currency: params.currency,
        customer: params.customer ?? null,
        payment_method: paymentMethod,
        description: params.description ?? null,
        metadata: metadataOf(params),
        latest_charge: id("ch"),
      };
      const decline = declines.get(paymentMethod);
      if (!decline) return ok({ ...intent, status: "succeeded", last_payment_error: null });
      const error = {
        type: "card_error",
        code: decline.code,
        ...(decline.declineCode ? { decline_code: decline.declineCode } : {}),
        message: decline.message,
        charge: intent.latest_charge,
        doc_url: `https://stripe.com/docs/error-codes/${decline.code}`,
      };
      return {
        status: 402,
        body: {
          error: {
            ...error,
            payment_intent: {
              ...intent,
              status: "requires_payment_method",
              last_payment_error: error,
            },
          },
        },
      };
    }
    const detachPath = /^\/v1\/payment_methods\/([^/]+)\/detach$/.exec(path);
    if (method === "POST" && detachPath) {
      const paymentMethod = paymentMethods.get(decodeURIComponent(detachPath[1]!));
      if (!paymentMethod) return missing("payment_method", detachPath[1]!);
      paymentMethod.customer = null;
      return ok(paymentMethod);
    }
    return missing("route", `${method} ${path}`);
  }

  const server: Server = createServer((request, response) => {
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      raw += chunk;
    });
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const method = request.method ?? "";
      const params = Object.fromEntries(
        new URLSearchParams(method === "GET" ? url.search : raw).entries(),
      );
      requests.push({ method, path: url.pathname, headers: request.headers, params });
      const send = ({ status, body, headers }: FakeStripeAnswer) =>
        response
          .writeHead(status, {
            "content-type": "application/json",
            "request-id": id("req"),
            ...headers,
          })
          .end(JSON.stringify(body ?? {}));
      const planned = answers.shift();
      if (planned) return send(planned);
      const key = String(request.headers["idempotency-key"] ?? "");
      const earlier = method === "POST" && key ? byKey.get(key) : undefined;
      if (earlier && earlier.params !== raw) {
        return send({
          status: 400,
          body: {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          },
        });
      }
      if (earlier) {
        return send({
          status: earlier.status,
          body: earlier.body,
          headers: { "idempotent-replayed": "true" },
        });
      }
      const answer = route(method, url.pathname, params);
      if (method === "POST" && key) byKey.set(key, { params: raw, ...answer });
      return send(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}`,
    requests,
    answerNext: (...next) => {
      answers.push(...next);
    },
    completeSession: (sessionId, card) => {
      const session = sessions.get(sessionId);
      const intent = setupIntents.get(String(session?.setup_intent));
      if (!session || !intent) throw new Error(`No Checkout Session ${sessionId}.`);
      const paymentMethodId = id("pm");
      paymentMethods.set(paymentMethodId, {
        id: paymentMethodId,
        object: "payment_method",
        type: "card",
        customer: session.customer,
        billing_details: { name: card.name, email: null },
        card: {
          brand: card.brand,
          last4: card.last4,
          exp_month: card.expMonth,
          exp_year: card.expYear,
          funding: "credit",
          country: "US",
        },
      });
      Object.assign(intent, { status: "succeeded", payment_method: paymentMethodId });
      session.status = "complete";
      return { paymentMethodId };
    },
    declineCard: (paymentMethodId, decline) => {
      declines.set(paymentMethodId, decline);
    },
    reset: () => {
      requests.length = 0;
      answers.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function ok(body: Json) {
  return { status: 200, body };
}

function missing(kind: string, value: string) {
  return {
    status: 404,
    body: {
      error: {
        type: "invalid_request_error",
        code: "resource_missing",
        message: `No such ${kind}: '${value}'`,
      },
    },
  };
}

function metadataOf(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([key]) => key.startsWith("metadata["))
      .map(([key, value]) => [key.slice("metadata[".length, -1), value]),
  );
}
