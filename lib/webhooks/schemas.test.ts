import { describe, expect, it } from "vitest";
import { webhookEndpointSchema } from "./schemas";

const strict = webhookEndpointSchema({ allowHttp: false });
const development = webhookEndpointSchema({ allowHttp: true });

const urlError = (schema: typeof strict, url: string) => {
  const parsed = schema.safeParse({ url, eventTypes: "user.created" });
  return parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === "url")?.message;
};

describe("webhookEndpointSchema", () => {
  it("takes an https URL and the event types FormData sends, as stored", () => {
    const parsed = strict.parse({
      url: "  https://crm.example.com/hooks  ",
      eventTypes: ["group.created", "user.created", "user.*", "user.deleted", "group.created"],
    });
    expect(parsed).toEqual({
      url: "https://crm.example.com/hooks",
      description: "",
      eventTypes: ["user.*", "group.created"],
    });
    expect(strict.parse({ url: "https://x.example", eventTypes: "seat.*" }).eventTypes).toEqual([
      "seat.*",
    ]);
  });

  it("refuses http unless the development setting allows it", () => {
    expect(urlError(strict, "http://crm.example.com/hooks")).toBe("Use an https:// URL.");
    expect(urlError(development, "http://127.0.0.1:4000/hooks")).toBeUndefined();
    expect(urlError(development, "ftp://crm.example.com")).toBe("Use an https:// or http:// URL.");
  });

  it("refuses credentials in the URL, text that is no URL, and very long URLs", () => {
    expect(urlError(strict, "https://user:pass@crm.example.com/")).toMatch(/^Leave out the user/);
    expect(urlError(strict, "crm.example.com/hooks")).toMatch(/^Enter a full URL/);
    expect(urlError(strict, "")).toBe("Enter the endpoint's URL.");
    expect(urlError(strict, `https://crm.example.com/${"a".repeat(2000)}`)).toBe(
      "Use at most 2,000 characters.",
    );
  });

  it("asks for at least one known event type", () => {
    const none = strict.safeParse({ url: "https://x.example" });
    expect(none.error?.issues[0]?.message).toBe("Choose at least one event type.");
    const unknown = strict.safeParse({ url: "https://x.example", eventTypes: ["user.signed_in"] });
    expect(unknown.error?.issues[0]?.message).toBe("Unknown event type.");
  });
});
