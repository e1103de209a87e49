import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clickToDialFields,
  expandClickToDial,
  redactClickToDial,
  validateClickToDialTemplate,
} from "./click-to-dial";

// What the browser would send: a lone surrogate becomes U+FFFD.
const wellFormed = (value: string) => new TextDecoder().decode(new TextEncoder().encode(value));

const schemeMessage = "Start the link with https:, http:, tel:, sip: or callto:.";

describe("validateClickToDialTemplate", () => {
  it("accepts no template", () => {
    expect(validateClickToDialTemplate("")).toBeUndefined();
  });

  it("accepts each allowed scheme in any case", () => {
    for (const template of [
      "https://crm.example.com/dial?to=[Field:PhoneNumber]&ext=[Field:Ext]&key=s3cret",
      "http://pbx.local/call/[Field:PhoneNumber]",
      "tel:[Field:PhoneNumber]",
      "SIP:[Field:PhoneNumber]@pbx.example.com",
      "callto:[Field:PhoneNumber]",
    ]) {
      expect(validateClickToDialTemplate(template)).toBeUndefined();
    }
  });

  it("accepts every known field", () => {
    const template = `https://crm.example.com/?${clickToDialFields
      .map((field) => `${field}=[Field:${field}]`)
      .join("&")}`;
    expect(validateClickToDialTemplate(template)).toBeUndefined();
  });

  it("refuses a javascript: template, however it is disguised", () => {
    for (const template of [
      "javascript:alert([Field:PhoneNumber])",
      "JavaScript:alert(1)",
      "  javascript:alert(1)",
      "java\tscript:alert(1)",
      "\u0000javascript:alert(1)",
    ]) {
      expect(validateClickToDialTemplate(template)).toBe(schemeMessage);
    }
  });

  it("refuses a data: template", () => {
    expect(validateClickToDialTemplate("data:text/html,<script>alert(1)</script>")).toBe(
      schemeMessage,
    );
  });

  it("refuses a placeholder inside the scheme", () => {
    for (const template of [
      "[Field:Title]:alert(1)",
      "[Field:Title]https://x.example",
      "ht[Field:Ext]tps://x",
    ]) {
      expect(validateClickToDialTemplate(template)).toBe(schemeMessage);
    }
  });

  it("refuses a relative link", () => {
    expect(validateClickToDialTemplate("/dial/[Field:PhoneNumber]")).toBe(schemeMessage);
  });

  it("refuses an unknown placeholder and lists the known fields", () => {
    expect(validateClickToDialTemplate("https://x.example/[Field:Foo]")).toBe(
      "Unknown placeholder [Field:Foo]. Known fields: PhoneNumber, Ext, UserName, FirstName, " +
        "LastName, Alias, Title, Email, Phone, Extension.",
    );
  });

  it("refuses a known field written in the wrong case", () => {
    expect(validateClickToDialTemplate("tel:[field:phonenumber]")).toMatch(
      /^Unknown placeholder \[field:phonenumber\]\./,
    );
  });

  it("refuses a placeholder without a closing bracket", () => {
    const message = 'A placeholder starting with "[Field:" has no closing "]".';
    expect(validateClickToDialTemplate("tel:[Field:PhoneNumber")).toBe(message);
    expect(validateClickToDialTemplate("tel:[Field:Phone[Field:Ext]")).toBe(message);
  });

  it("refuses more than 2000 characters", () => {
    const prefix = "https://x.example/";
    expect(validateClickToDialTemplate(prefix + "a".repeat(2000 - prefix.length))).toBeUndefined();
    expect(validateClickToDialTemplate(prefix + "a".repeat(2001 - prefix.length))).toBe(
      "Use at most 2000 characters.",
    );
  });
});

describe("expandClickToDial", () => {
  it("substitutes encoded values and leaves missing ones empty", () => {
    expect(
      expandClickToDial(
        "https://crm.example.com/dial?to=[Field:PhoneNumber]&ext=[Field:Ext]&by=[Field:Email]",
        {
          PhoneNumber: "+1 212 555 0100",
          Email: "ada@example.com",
        },
      ),
    ).toBe("https://crm.example.com/dial?to=%2B1%20212%20555%200100&ext=&by=ada%40example.com");
  });

  it("substitutes a field used twice", () => {
    expect(expandClickToDial("tel:[Field:Ext],[Field:Ext]", { Ext: "12" })).toBe("tel:12,12");
  });

  it("returns undefined for no template or an invalid one", () => {
    expect(expandClickToDial("", { PhoneNumber: "1" })).toBeUndefined();
    expect(expandClickToDial("javascript:alert(1)", {})).toBeUndefined();
    expect(expandClickToDial("tel:[Field:Nope]", {})).toBeUndefined();
  });

  it("replaces a lone surrogate instead of throwing", () => {
    expect(expandClickToDial("tel:[Field:PhoneNumber]", { PhoneNumber: "1\uD800" })).toBe(
      "tel:1%EF%BF%BD",
    );
  });

  it("keeps every value inside its own slot, whatever it contains", () => {
    const encoded = /^(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-F]{2})*$/;
    // Any UTF-16 code unit (lone surrogates included), weighted towards URL delimiters.
    const unit = fc.oneof(
      fc.constantFrom("&", "=", "#", "?", "/", "%", ":", "@", " ", "+"),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    );
    const value = fc.string({ unit, maxLength: 40 });
    fc.assert(
      fc.property(value, value, (phoneNumber, userName) => {
        const link = expandClickToDial(
          "https://crm.example.com/dial?to=[Field:PhoneNumber]&u=[Field:UserName]#go",
          { PhoneNumber: phoneNumber, UserName: userName },
        )!;
        const url = new URL(link);
        expect(url.protocol).toBe("https:");
        expect(url.host).toBe("crm.example.com");
        expect(url.pathname).toBe("/dial");
        expect(url.hash).toBe("#go");
        const slots = url.search.match(/^\?to=([^&]*)&u=([^&]*)$/);
        expect(slots).not.toBeNull();
        const [, to = "", u = ""] = slots!;
        expect(to).toMatch(encoded);
        expect(u).toMatch(encoded);
        expect(decodeURIComponent(to)).toBe(wellFormed(phoneNumber));
        expect(decodeURIComponent(u)).toBe(wellFormed(userName));
      }),
    );
  });
});

describe("redactClickToDial", () => {
  it("keeps an empty template empty", () => {
    expect(redactClickToDial("")).toBe("");
  });

  it("hides any template", () => {
    expect(redactClickToDial("https://crm.example.com/?key=s3cret&to=[Field:PhoneNumber]")).toBe(
      "[redacted]",
    );
  });
});
