import { describe, expect, it } from "vitest";
import { sanitizeHeaderText } from "./header-text";
import { renderEmail } from "./render-email";
import { type EmailTemplateName, emailTemplateNames, emailTemplates } from "./templates";

const snapshotOf = (name: EmailTemplateName) => `../../emails/__snapshots__/${name}.txt`;

describe("renderEmail", () => {
  it.each(emailTemplateNames)(
    "renders %s with its preview props as HTML and text",
    async (name) => {
      const template = emailTemplates[name];
      const rendered = await renderEmail(name, template.component.PreviewProps as never);
      expect(rendered.subject).not.toMatch(/[\r\n]/);
      expect(rendered.subject.length).toBeGreaterThan(0);
      expect(rendered.html).toMatch(/^<!DOCTYPE html/);
      expect(rendered.html).toContain("Acme Telephony");
      expect(rendered.text).toContain("Acme Telephony");
      await expect(`Subject: ${rendered.subject}\n\n${rendered.text}\n`).toMatchFileSnapshot(
        snapshotOf(name),
      );
    },
  );

  it("neutralises a subject that tries to add a header", async () => {
    const rendered = await renderEmail("admin-message", {
      organizationName: "Acme\r\nX-Org: injected",
      senderName: "Grace",
      subject: "Hello\r\nBcc: victim@example.com\n\u2028Cc: other@example.com",
      body: "Body",
    });
    expect(rendered.subject).toBe("Hello Bcc: victim@example.com Cc: other@example.com");
    expect(rendered.subject).not.toMatch(/[\r\n\u2028]/);
    expect(rendered.html).not.toContain("\r\nX-Org");
  });

  it("shows an Administrator's body as text, never as HTML", async () => {
    const rendered = await renderEmail("admin-message", {
      organizationName: "Acme",
      senderName: "Grace",
      subject: "Hi",
      body: '<script>alert(1)</script>\n\n<a href="https://evil.example">click</a>',
    });
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).not.toContain('<a href="https://evil.example"');
    expect(rendered.html).toContain("&lt;script&gt;");
    expect(rendered.text).toContain("<script>alert(1)</script>");
  });

  it("keeps paragraphs and line breaks of an Administrator's body", async () => {
    const rendered = await renderEmail("admin-message", {
      organizationName: "Acme",
      senderName: "Grace",
      subject: "Hi",
      body: "First line\nsecond line\r\n\r\nNext paragraph",
    });
    expect(rendered.html).toMatch(/First line(<!-- -->)?<\/span><span><br\/>second line/);
    expect(rendered.text).toMatch(/First line\nsecond line\n\nNext paragraph/);
  });
});

describe("sanitizeHeaderText", () => {
  it("turns control characters into single spaces and limits the length", () => {
    expect(sanitizeHeaderText("a\u0000b\tc\r\n\r\nd")).toBe("a b c d");
    expect(sanitizeHeaderText("x".repeat(300))).toHaveLength(200);
    expect(sanitizeHeaderText("x".repeat(300)).endsWith("…")).toBe(true);
  });
});
