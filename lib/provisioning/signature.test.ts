import { describe, expect, it } from "vitest";
import { signedHeaders, verifySignature } from "./signature";

const secret = "a-shared-secret-of-enough-length";
const now = new Date("2030-05-01T12:00:00Z");
const body = JSON.stringify({ type: "instance.rebuilt" });

function check(headers: Record<string, string>, options: { body?: string; at?: Date } = {}) {
  return verifySignature({
    secret,
    headers: new Headers(headers),
    body: options.body ?? body,
    now: options.at ?? now,
  });
}

describe("webhook signatures", () => {
  it("accepts what it signed, within five minutes either way", () => {
    const headers = signedHeaders({ secret, id: "msg_1", body, now });
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(check(headers)).toEqual({ ok: true, id: "msg_1" });
    expect(check(headers, { at: new Date(now.getTime() + 300_000) }).ok).toBe(true);
    expect(check(headers, { at: new Date(now.getTime() - 300_000) }).ok).toBe(true);
  });

  it("refuses a changed body, another secret, or a timestamp over five minutes away", () => {
    const headers = signedHeaders({ secret, id: "msg_1", body, now });
    expect(check(headers, { body: `${body} ` })).toEqual({
      ok: false,
      reason: "The webhook-signature does not match.",
    });
    expect(check(signedHeaders({ secret: `${secret}!`, id: "msg_1", body, now })).ok).toBe(false);
    expect(check(headers, { at: new Date(now.getTime() + 301_000) })).toEqual({
      ok: false,
      reason: "The webhook-timestamp is more than 5 minutes from now.",
    });
    expect(check(headers, { at: new Date(now.getTime() - 301_000) }).ok).toBe(false);
  });

  it("accepts any one matching signature among several (a secret being rotated)", () => {
    const headers = signedHeaders({ secret, id: "msg_2", body, now });
    const other = signedHeaders({
      secret: "an-older-secret-being-retired",
      id: "msg_2",
      body,
      now,
    });
    expect(
      check({
        ...headers,
        "webhook-signature": `${other["webhook-signature"]} v2,xyz ${headers["webhook-signature"]}`,
      }).ok,
    ).toBe(true);
  });

  it("says what is missing or malformed", () => {
    const headers = signedHeaders({ secret, id: "msg_3", body, now });
    expect(check({ ...headers, "webhook-id": "" })).toMatchObject({
      reason: "The webhook-id, webhook-timestamp and webhook-signature headers are required.",
    });
    expect(check({ ...headers, "webhook-timestamp": "2030-05-01" })).toMatchObject({
      reason: "The webhook-timestamp must be Unix time in seconds.",
    });
    expect(check({ ...headers, "webhook-signature": "v1,AAAA" }).ok).toBe(false);
  });
});
