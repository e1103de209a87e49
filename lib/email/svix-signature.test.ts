import { Resend } from "resend";
import { describe, expect, it } from "vitest";
import { svixHeaders, verifySvixSignature } from "./svix-signature";

const secret = `whsec_${Buffer.from("a signing secret of thirty-two b").toString("base64")}`;
const body = JSON.stringify({ type: "email.delivered", data: { email_id: "re_1" } });

describe("Svix signatures", () => {
  it("signs as Resend's own SDK verifies", () => {
    const headers = svixHeaders({ secret, id: "msg_1", body });
    const resend = new Resend("re_unused");
    expect(
      resend.webhooks.verify({
        payload: body,
        headers: {
          id: headers["svix-id"],
          timestamp: headers["svix-timestamp"],
          signature: headers["svix-signature"],
        },
        webhookSecret: secret,
      }),
    ).toEqual(JSON.parse(body));
  });

  it("accepts any matching signature among several (a rotated secret)", () => {
    const headers = svixHeaders({ secret, id: "msg_2", body });
    const both = new Headers({
      ...headers,
      "svix-signature": `v1,b3RoZXI= ${headers["svix-signature"]}`,
    });
    expect(verifySvixSignature({ secret, headers: both, body })).toEqual({ ok: true, id: "msg_2" });
  });

  it("refuses a timestamp more than five minutes in the future", () => {
    const headers = new Headers(
      svixHeaders({ secret, id: "msg_3", body, now: new Date(Date.now() + 6 * 60_000) }),
    );
    expect(verifySvixSignature({ secret, headers, body }).ok).toBe(false);
  });
});
