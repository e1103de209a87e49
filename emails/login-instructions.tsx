import { Text } from "@react-email/text";
import { ActionLink } from "./_components/action-link";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type LoginInstructionsProps = {
  organizationName: string;
  recipientName: string;
  userName: string;
  /** The single-use link that sets the first password. */
  setPasswordUrl: string;
  expiresInHours: number;
};

export const loginInstructionsSubject = (props: LoginInstructionsProps) =>
  `Your ${props.organizationName} account is ready`;

export default function LoginInstructions(props: LoginInstructionsProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview={`Choose a password to sign in as ${props.userName}.`}
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        An account was created for you in the {props.organizationName} portal. Your user name is{" "}
        <strong>{props.userName}</strong>. Choose a password to sign in:
      </Text>
      <ActionLink href={props.setPasswordUrl} label="Choose a password" />
      <Text style={styles.muted}>
        The link works once and expires in {props.expiresInHours} hours. If it has expired, ask your
        Administrator to send the login instructions again.
      </Text>
    </EmailLayout>
  );
}

LoginInstructions.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  userName: "ada",
  setPasswordUrl: "https://switchboard.example/set-password/preview-token",
  expiresInHours: 72,
} satisfies LoginInstructionsProps;
