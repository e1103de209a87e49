import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, rejectionOf, uniqueName } from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { InvalidError } from "../errors";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import type { ResolveHost } from "./resolve-host";
import { sendWebhook } from "./send-webhook";

withTestDatabase();

let admin: Actor;
let hits = 0;
let server: Server;
let port = 0;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const dns =
  (...addresses: string[]): ResolveHost =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

const refusedUrl = async (url: string, resolve: ResolveHost = dns("93.184.215.14")) => {
  const error = await rejectionOf(
    createWebhookEndpoint({
      actor: admin,
      input: { url, description: uniqueName("ssrf"), eventTypes: ["user.*"] },
      urlCheck: { allowPrivate: false, resolve },
    }),
  );
  expect(error).toBeInstanceOf(InvalidError);
  return (error as InvalidError).fieldErrors.url;
};

describe("webhook URLs with private addresses refused", () => {
  it.each([
    "https://127.0.0.1/hook",
    "https://[::1]/hook",
    "https://0x7f000001/hook",
    "https://2130706433/hook",
    "https://0177.0.0.1/hook",
    "https://127.1/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:7f00:1]/hook",
    "https://[64:ff9b::a00:1]/hook",
    "https://[2002:7f00:1::]/hook",
    "https://[fe80::1]/hook",
    "https://[fd00::1]/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://0.0.0.0/hook",
    "https://[::]/hook",
    "http://crm.example.com/hook",
    "https://user:pass@crm.example.com/hook",
    "file:///etc/passwd",
  ])("refuses %s", async (url) => {
    expect(await refusedUrl(url)).toBeTruthy();
  });

  it("refuses a name that resolves to private space, whatever the order of the answers", async () => {
    expect(
      await refusedUrl("https://rebind.example.com/h", dns("93.184.215.14", "10.1.2.3")),
    ).toMatch(/10\.1\.2\.3/);
    expect(
      await refusedUrl("https://rebind.example.com/h", dns("::ffff:192.168.1.1")),
    ).toBeTruthy();
  });

  it("checks the address again at delivery, so DNS rebinding after creation reaches nothing", async () => {
    const result = await sendWebhook(
      {
        url: `https://rebind.example.com:${port}/h`,
        secret: `whsec_${Buffer.from("k".repeat(32)).toString("base64")}`,
        id: "msg_1",
        body: "{}",
      },
      { timeoutMs: 2000, allowPrivate: false, resolve: dns("127.0.0.1") },
    );
    expect(result.ok).toBe(false);
    expect(hits).toBe(0);
  });

  it("never follows a redirect (to a metadata service)", async () => {
    const result = await sendWebhook(
      {
        url: `http://127.0.0.1:${port}/h`,
        secret: `whsec_${Buffer.from("k".repeat(32)).toString("base64")}`,
        id: "msg_2",
        body: "{}",
      },
      { timeoutMs: 2000, allowPrivate: true, resolve: dns("127.0.0.1") },
    );
    expect(hits).toBe(1);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/redirects are not followed/);
  });
});
