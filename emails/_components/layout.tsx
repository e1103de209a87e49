import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";

export type EmailLayoutProps = {
  organizationName: string;
  /** The line mail programs show beside the subject. */
  preview: string;
  children: ReactNode;
  /** False when replies reach a person (an Administrator's own message). */
  unattendedSender?: boolean;
};

const colors = { text: "#1f2937", muted: "#6b7280", line: "#e5e7eb", accent: "#1d4ed8" };

export const styles = {
  paragraph: { fontSize: "15px", lineHeight: "24px", color: colors.text, margin: "0 0 16px" },
  muted: { fontSize: "13px", lineHeight: "20px", color: colors.muted, margin: "0 0 12px" },
  button: {
    backgroundColor: colors.accent,
    borderRadius: "6px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  link: { color: colors.accent, wordBreak: "break-all" as const },
};

/** Every message's frame: the organization's name above and below, one plain column. */
export function EmailLayout({
  organizationName,
  preview,
  children,
  unattendedSender = true,
}: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f3f4f6",
          fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            border: `1px solid ${colors.line}`,
            borderRadius: "8px",
            maxWidth: "560px",
            padding: "24px 32px",
          }}
        >
          <Section>
            <Text
              style={{ fontSize: "18px", fontWeight: 600, color: colors.text, margin: "0 0 8px" }}
            >
              {organizationName}
            </Text>
          </Section>
          <Hr style={{ borderColor: colors.line, margin: "0 0 24px" }} />
          <Section>{children}</Section>
          <Hr style={{ borderColor: colors.line, margin: "24px 0 16px" }} />
          <Text style={styles.muted}>
            Sent by the {organizationName} phone system portal.
            {unattendedSender ? " Replies to this address are not read." : ""}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
