import { Text } from "@react-email/text";
import { ActionLink } from "./_components/action-link";
import { AmountTable } from "./_components/amount-table";
import { Greeting } from "./_components/greeting";
import { EmailLayout, styles } from "./_components/layout";

export type InvoiceIssuedProps = {
  organizationName: string;
  /** Empty when the message goes to the account's billing address rather than a person. */
  recipientName: string;
  invoiceNumber: string;
  /** The month billed, as people read it ("Nov 1 – 30, 2026"). */
  period: string;
  /** Every line of the invoice, its amount formatted in the invoice's currency. */
  lines: { description: string; amount: string }[];
  subtotal: string;
  /** "8.25 %". */
  taxRate: string;
  tax: string;
  total: string;
  amountDue: string;
  /** The invoice's page in the portal, printable and payable there. */
  invoiceLink: string;
};

export const invoiceIssuedSubject = (props: InvoiceIssuedProps) =>
  `Invoice ${props.invoiceNumber} for ${props.organizationName}: ${props.total}`;

export default function InvoiceIssued(props: InvoiceIssuedProps) {
  return (
    <EmailLayout
      organizationName={props.organizationName}
      preview={`${props.period}: ${props.total}, ${props.amountDue} due.`}
    >
      <Greeting name={props.recipientName} />
      <Text style={styles.paragraph}>
        Invoice <strong>{props.invoiceNumber}</strong> for {props.organizationName} was issued for{" "}
        {props.period}.
      </Text>
      <AmountTable
        rows={[
          ...props.lines.map((line) => ({ label: line.description, value: line.amount })),
          { label: "Subtotal", value: props.subtotal },
          { label: `Tax (${props.taxRate})`, value: props.tax },
          { label: "Total", value: props.total, strong: true },
          { label: "Amount due", value: props.amountDue, strong: true },
        ]}
      />
      <Text style={styles.muted}>
        Seats and add-ons are billed for the month ahead; a change of plan or add-ons is billed for
        the rest of its month on the next invoice.
      </Text>
      <ActionLink href={props.invoiceLink} label="View the invoice" />
    </EmailLayout>
  );
}

InvoiceIssued.PreviewProps = {
  organizationName: "Acme Telephony",
  recipientName: "Ada Lovelace",
  invoiceNumber: "INV-2026-11-0001",
  period: "Nov 1 – 30, 2026",
  lines: [
    { description: "Team plan: 3 seats × $24.00", amount: "$72.00" },
    { description: "Extra instances: 2 × $10.00", amount: "$20.00" },
    { description: "Team → Enterprise for Nov 10 – 30 (21 of 30 days)", amount: "$11.20" },
  ],
  subtotal: "$103.20",
  taxRate: "8.25 %",
  tax: "$8.51",
  total: "$111.71",
  amountDue: "$111.71",
  invoiceLink: "https://switchboard.example/billing/invoices/6f1c2b7a-5d4e-4f3a-9b2c-1d0e8f7a6b5c",
} satisfies InvoiceIssuedProps;
