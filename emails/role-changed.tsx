import { Text } from "@react-email/text";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type RoleChangedProps = {
  organizationName: string;
  recipientName: string;
  /** The roles as the portal names them ("User", "Administrator"). */
  oldRole: string;
  newRole: string;
};

export const roleChangedSubject = (props: RoleChangedProps) =>
  `Your ${props.organizationName} role is now ${props.newRole}`;

export default function RoleChanged(props: RoleChangedProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview={`Your role changed from ${props.oldRole} to ${props.newRole}.`}
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        An Administrator changed your role in the {props.organizationName} portal from{" "}
        <strong>{props.oldRole}</strong> to <strong>{props.newRole}</strong>. Sign in again to work
        with your new permissions.
      </Text>
      <Text style={styles.muted}>
        If you did not expect this change, contact your Administrator.
      </Text>
    </EmailLayout>
  );
}

RoleChanged.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  oldRole: "User",
  newRole: "Administrator",
} satisfies RoleChangedProps;
