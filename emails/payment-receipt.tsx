import { Text } from "@react-email/text";
import { ActionLink } from "./_components/action-link";
import { AmountTable } from "./_components/amount-table";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type PaymentReceiptProps = {
  organizationName: string;
  /** Empty when the message goes to the account's billing address rather than a person. */
  recipientName: string;
  amount: string;
  /** "Visa •••• 4242", "Cheque 1042", "Account credit". */
  method: string;
  /** The day it was received or charged, as people read it ("Nov 30, 2026"). */
  paidOn: string;
  /** The invoice it paid and what is still due on it; none when kept as account credit. */
  invoice: { number: string; amountDue: string } | null;
  /** The invoice's page, or the billing activity for account credit. */
  link: string;
};

export const paymentReceiptSubject = (props: PaymentReceiptProps) =>
  `${props.organizationName} payment receipt: ${props.amount} ${
    props.invoice ? `for invoice ${props.invoice.number}` : "as account credit"
  }`;

export default function PaymentReceipt(props: PaymentReceiptProps) {
  const { invoice } = props;
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview={`${props.amount} by ${props.method} on ${props.paidOn}.`}
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        This is the receipt for a payment of <strong>{props.amount}</strong> by {props.method} on{" "}
        {props.paidOn}
        {invoice ? (
          <>
            {" "}
            towards invoice <strong>{invoice.number}</strong>.
          </>
        ) : (
          ", kept as account credit."
        )}
      </Text>
      <AmountTable
        rows={[
          { label: "Amount paid", value: props.amount, strong: true },
          { label: "Paid with", value: props.method },
          { label: "Date", value: props.paidOn },
          { label: "Applied to", value: invoice ? `Invoice ${invoice.number}` : "Account credit" },
          ...(invoice ? [{ label: "Still due on the invoice", value: invoice.amountDue }] : []),
        ]}
      />
      <ActionLink
        href={props.link}
        label={invoice ? "View the invoice" : "View the billing activity"}
      />
    </EmailLayout>
  );
}

PaymentReceipt.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  amount: "$111.71",
  method: "Visa •••• 4242",
  paidOn: "Nov 30, 2026",
  invoice: { number: "INV-2026-11-0001", amountDue: "$0.00" },
  link: "https://switchboard.example/billing/invoices/6f1c2b7a-5d4e-4f3a-9b2c-1d0e8f7a6b5c",
} satisfies PaymentReceiptProps;
