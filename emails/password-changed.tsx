import { Text } from "@react-email/text";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type PasswordChangedProps = {
  organizationName: string;
  recipientName: string;
  userName: string;
};

export const passwordChangedSubject = (props: PasswordChangedProps) =>
  `Your ${props.organizationName} password was changed`;

export default function PasswordChanged(props: PasswordChangedProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview="The password of your account was changed."
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        The password of your {props.organizationName} account <strong>{props.userName}</strong> was
        changed, and your other sessions were signed out.
      </Text>
      <Text style={styles.muted}>
        If you did not change it, contact your Administrator at once.
      </Text>
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  userName: "ada",
} satisfies PasswordChangedProps;
