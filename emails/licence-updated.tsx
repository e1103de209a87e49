import { Text } from "@react-email/text";
import { ActionLink } from "./_components/action-link";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type LicenceUpdatedProps = {
  organizationName: string;
  recipientName: string;
  licenceVersion: string;
  /** The licence page, where it is read and accepted after signing in. */
  licenceUrl: string;
};

export const licenceUpdatedSubject = (props: LicenceUpdatedProps) =>
  `A new ${props.organizationName} licence to accept`;

export default function LicenceUpdated(props: LicenceUpdatedProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview={`Version ${props.licenceVersion} of the licence asks for your acceptance.`}
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        Version {props.licenceVersion} of the {props.organizationName} portal licence was published.
        The next time you sign in you will be asked to read and accept it.
      </Text>
      <ActionLink href={props.licenceUrl} label="Read the licence" />
    </EmailLayout>
  );
}

LicenceUpdated.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  licenceVersion: "3",
  licenceUrl: "https://switchboard.example/licence",
} satisfies LicenceUpdatedProps;
