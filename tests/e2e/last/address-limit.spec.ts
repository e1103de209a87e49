import http from "node:http";
import { admin } from "../support/accounts";
import { expect, test } from "../support/test";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * Posts the sign-in form from a loopback address of our choosing, so this test starts
 * from a clean count whatever the other tests did from 127.0.0.1.
 */
function postSignIn(
  baseURL: string,
  localAddress: string,
  fields: Record<string, string>,
  accept = "application/json",
): Promise<Answer> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL("/api/sign-in", baseURL),
      {
        method: "POST",
        localAddress,
        headers: {
          accept,
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

// Runs after every other browser test, as it blocks an address for the rest of the run.
test("more than 100 failed sign-ins from one address are refused with 429", async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const base = baseURL ?? "";
  // A fresh address on each try (127.0.0.0/8 is all loopback on Linux).
  const address = `127.0.0.${10 + testInfo.retry}`;
  for (let attempt = 1; attempt <= 100; attempt++) {
    const answer = await postSignIn(base, address, {
      login: `nobody-${attempt}`,
      password: "wrong password here",
    });
    expect(answer.status, `attempt ${attempt}`).toBe(401);
  }

  const refused = await postSignIn(base, address, {
    login: "nobody-101",
    password: "wrong password here",
  });
  expect(refused.status).toBe(429);
  expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
  expect(JSON.parse(refused.body).message).toContain("Too many failed sign-ins");

  // Even the right password is refused from this address now, with or without scripts…
  const right = await postSignIn(
    base,
    address,
    { login: admin.userName, password: admin.password },
    "text/html",
  );
  expect(right.status).toBe(429);
  expect(right.body).toContain("Too many attempts");

  // …while another address still signs in.
  const elsewhere = await postSignIn(base, `127.0.0.${50 + testInfo.retry}`, {
    login: admin.userName,
    password: admin.password,
  });
  expect(elsewhere.status).toBe(200);
  expect(JSON.parse(elsewhere.body)).toMatchObject({ ok: true });
});
