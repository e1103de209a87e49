import { Text } from "@react-email/text";
import { ActionLink } from "./_components/action-link";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type WebhookEndpointDisabledProps = {
  organizationName: string;
  recipientName: string;
  endpointUrl: string;
  /** Since when every delivery failed, as people read it ("Jan 1, 2030, 09:00 UTC"). */
  failingSince: string;
  /** The endpoint's page, with its delivery log and the button that enables it again. */
  endpointLink: string;
};

export const webhookEndpointDisabledSubject = (props: WebhookEndpointDisabledProps) =>
  `A webhook endpoint of ${props.organizationName} was disabled`;

export default function WebhookEndpointDisabled(props: WebhookEndpointDisabledProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview="Deliveries to it failed for five days, so the portal stopped sending to it."
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        Every delivery to the webhook endpoint <strong>{props.endpointUrl}</strong> has failed since{" "}
        {props.failingSince}, so the {props.organizationName} portal disabled it and sends it no
        more events.
      </Text>
      <Text style={styles.paragraph}>
        Its delivery log says what the receiver answered. Once it accepts events again, enable the
        endpoint and redeliver the events it missed.
      </Text>
      <ActionLink href={props.endpointLink} label="Open the endpoint" />
    </EmailLayout>
  );
}

WebhookEndpointDisabled.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  endpointUrl: "https://crm.example.com/hooks/switchboard",
  failingSince: "Jan 1, 2030, 9:00 AM UTC",
  endpointLink:
    "https://switchboard.example/integrations/webhooks/0b6f7c1e-3d0a-4c55-9a54-2f1e8b7d9c01",
} satisfies WebhookEndpointDisabledProps;
