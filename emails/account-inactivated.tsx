import { Text } from "@react-email/text";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type AccountInactivatedProps = {
  organizationName: string;
  recipientName: string;
};

export const accountInactivatedSubject = (props: AccountInactivatedProps) =>
  `Your ${props.organizationName} account was inactivated`;

export default function AccountInactivated(props: AccountInactivatedProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview="You can no longer sign in to the portal."
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        An Administrator inactivated your {props.organizationName} account. You can no longer sign
        in, and any sessions you had open have ended.
      </Text>
      <Text style={styles.muted}>If you think this is a mistake, contact your Administrator.</Text>
    </EmailLayout>
  );
}

AccountInactivated.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
} satisfies AccountInactivatedProps;
