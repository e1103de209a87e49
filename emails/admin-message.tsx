import { Text } from "@react-email/text";
import { EmailLayout, styles } from "./_components/layout";

export type AdminMessageProps = {
  organizationName: string;
  senderName: string;
  subject: string;
  /** Plain text: blank lines separate paragraphs; never read as HTML. */
  body: string;
};

export const adminMessageSubject = (props: AdminMessageProps) => props.subject;

/** Paragraphs of the body, each a list of its lines, without empty ones. */
export function bodyParagraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split("\n").map((line) => line.trimEnd()))
    .filter((lines) => lines.some((line) => line.trim() !== ""));
}

export default function AdminMessage(props: AdminMessageProps) {
  const paragraphs = bodyParagraphs(props.body);
  return (
    <EmailLayout
      organizationName={props.organizationName}
      unattendedSender={false}
      preview={paragraphs[0]?.join(" ").slice(0, 120) ?? props.subject}
    >
      {paragraphs.map((lines, index) => (
        // Paragraphs never move or change, so their position is their identity.
        <Text key={index} style={styles.paragraph}>
          {lines.map((line, lineIndex) => (
            <span key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </Text>
      ))}
      <Text style={styles.muted}>
        Sent by {props.senderName}, an Administrator of {props.organizationName}, from the portal.
      </Text>
    </EmailLayout>
  );
}

AdminMessage.PreviewProps = {
  organizationName: "Acme Telephony",
  senderName: "Grace Hopper",
  subject: "New desk phones on Monday",
  body: "Hello Ada,\n\nYour new desk phone arrives on Monday.\nIt keeps your extension.\n\nThanks,\nGrace",
} satisfies AdminMessageProps;
