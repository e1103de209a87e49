import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type AccountReactivatedProps = {
  organizationName: string;
  recipientName: string;
  signInUrl: string;
};

export const accountReactivatedSubject = (props: AccountReactivatedProps) =>
  `Your ${props.organizationName} account is active again`;

export default function AccountReactivated(props: AccountReactivatedProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview="You can sign in to the portal again."
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        An Administrator reactivated your {props.organizationName} account. You can sign in again
        with your user name and password at{" "}
        <Link href={props.signInUrl} style={styles.link}>
          {props.signInUrl}
        </Link>
        .
      </Text>
    </EmailLayout>
  );
}

AccountReactivated.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  signInUrl: "https://switchboard.example/sign-in",
} satisfies AccountReactivatedProps;
