import { Text } from "@react-email/text";
import { ActionLink } from "./_components/action-link";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type PasswordResetProps = {
  organizationName: string;
  recipientName: string;
  /** The single-use link that sets a new password. */
  resetUrl: string;
  expiresInMinutes: number;
};

export const passwordResetSubject = (props: PasswordResetProps) =>
  `Reset your ${props.organizationName} password`;

export default function PasswordReset(props: PasswordResetProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview="Someone asked to reset your password."
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        Someone asked to reset the password of your {props.organizationName} account. To choose a
        new one:
      </Text>
      <ActionLink href={props.resetUrl} label="Reset password" />
      <Text style={styles.muted}>
        The link works once and expires in {props.expiresInMinutes} minutes. Using it signs you out
        everywhere else. If you did not ask for this, ignore this message: your password stays as it
        is.
      </Text>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  resetUrl: "https://switchboard.example/reset-password/preview-token",
  expiresInMinutes: 30,
} satisfies PasswordResetProps;
