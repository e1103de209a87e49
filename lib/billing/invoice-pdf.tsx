import "server-only";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { InvoiceStatus } from "@/db/schema/billing";
import { formatInvoicePeriod } from "@/lib/billing/format-invoice-period";
import { formatTaxRate } from "./compute-invoice";
import type { InvoiceDetails } from "./get-invoice";
import { formatMoney } from "./money";

// Words stay whole: a description or a name split as "descrip-tion" no longer matches a
// search in the file, nor the same text on the page.
Font.registerHyphenationCallback((word) => [word]);

const statusLabels: Record<InvoiceStatus, string> = { open: "Open", paid: "Paid", void: "Void" };

const neutral = { text: "#171717", muted: "#525252", rule: "#e5e5e5" };

const styles = StyleSheet.create({
  page: {
    paddingTop: 48,
    paddingBottom: 64,
    paddingHorizontal: 48,
    fontFamily: "Helvetica",
    fontSize: 10,
    color: neutral.text,
  },
  header: {
    flexDirection: "row",
    justifyContent: "space-between",
    paddingBottom: 18,
    borderBottomWidth: 1,
    borderBottomColor: neutral.rule,
  },
  organization: { maxWidth: "55%" },
  organizationName: { fontSize: 13, fontFamily: "Helvetica-Bold" },
  address: { marginTop: 4, color: neutral.muted },
  addressLine: { marginTop: 2 },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", textAlign: "right" },
  facts: { marginTop: 8 },
  fact: { flexDirection: "row", justifyContent: "flex-end", marginTop: 2 },
  factName: { color: neutral.muted, marginRight: 8 },
  table: { marginTop: 18 },
  row: {
    flexDirection: "row",
    borderBottomWidth: 1,
    borderBottomColor: neutral.rule,
    paddingVertical: 5,
  },
  headRow: { fontFamily: "Helvetica-Bold", fontSize: 8, color: neutral.muted },
  description: { flexGrow: 1, flexBasis: 0, paddingRight: 8 },
  quantity: { width: 60, textAlign: "right" },
  money: { width: 90, textAlign: "right" },
  totalRow: { flexDirection: "row", justifyContent: "flex-end", paddingVertical: 4 },
  totalName: { width: 180, textAlign: "right", paddingRight: 8 },
  strong: { fontFamily: "Helvetica-Bold" },
  note: { marginTop: 18, fontSize: 8, color: neutral.muted },
  pageNumber: {
    position: "absolute",
    bottom: 32,
    left: 48,
    right: 48,
    fontSize: 8,
    color: neutral.muted,
    textAlign: "right",
  },
});

// The built-in Helvetica covers Windows-1252 only; Intl puts thin and narrow no-break spaces
// into date ranges and some currency formats, which it would draw as stray glyphs.
const unusualSpaces = /[\u2000-\u200a\u202f\u205f\u3000]/g;
const plain = (text: string) => text.replace(unusualSpaces, " ");

const addressLines = (address: string) =>
  address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

function Total({ name, amount, strong }: { name: string; amount: string; strong?: boolean }) {
  return (
    <View style={styles.totalRow} wrap={false}>
      <Text style={strong ? [styles.totalName, styles.strong] : styles.totalName}>{name}</Text>
      <Text style={strong ? [styles.money, styles.strong] : styles.money}>{amount}</Text>
    </View>
  );
}

/** The same content as the printable invoice page, laid out for A4 paper. */
function InvoicePdfDocument({ invoice }: { invoice: InvoiceDetails }) {
  const money = (amount: number) => plain(formatMoney(amount, invoice.currency));
  const issued = new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(invoice.issuedAt);
  return (
    <Document title={`Invoice ${invoice.number}`} author={invoice.organization.name}>
      <Page size="A4" style={styles.page}>
        <View style={styles.header}>
          <View style={styles.organization}>
            <Text style={styles.organizationName}>{invoice.organization.name}</Text>
            <View style={styles.address}>
              {addressLines(invoice.organization.address).map((line, index) => (
                <Text key={index} style={styles.addressLine}>
                  {line}
                </Text>
              ))}
            </View>
          </View>
          <View>
            <Text style={styles.title}>Invoice {invoice.number}</Text>
            <View style={styles.facts}>
              <View style={styles.fact}>
                <Text style={styles.factName}>Period</Text>
                <Text>{plain(formatInvoicePeriod(invoice.periodStart, invoice.periodEnd))}</Text>
              </View>
              <View style={styles.fact}>
                <Text style={styles.factName}>Issued</Text>
                <Text>{plain(issued)}</Text>
              </View>
              <View style={styles.fact}>
                <Text style={styles.factName}>Status</Text>
                <Text>{statusLabels[invoice.status]}</Text>
              </View>
            </View>
          </View>
        </View>
        <View style={styles.table}>
          {/* Repeated at the top of every page the lines run onto. */}
          <View style={[styles.row, styles.headRow]} fixed>
            <Text style={styles.description}>DESCRIPTION</Text>
            <Text style={styles.quantity}>QUANTITY</Text>
            <Text style={styles.money}>UNIT PRICE</Text>
            <Text style={styles.money}>AMOUNT</Text>
          </View>
          {invoice.lines.map((line) => (
            <View key={line.id} style={styles.row} wrap={false}>
              <Text style={styles.description}>{line.description}</Text>
              <Text style={styles.quantity}>{line.quantity}</Text>
              <Text style={styles.money}>{money(line.unitAmountMinor)}</Text>
              <Text style={styles.money}>{money(line.amountMinor)}</Text>
            </View>
          ))}
        </View>
        <View style={{ marginTop: 6 }} wrap={false}>
          <Total name="Subtotal" amount={money(invoice.subtotalMinor)} />
          <Total
            name={`Tax (${plain(formatTaxRate(invoice.taxRateBasisPoints))})`}
            amount={money(invoice.taxMinor)}
          />
          <Total name="Total" amount={money(invoice.totalMinor)} strong />
          <Total name="Amount due" amount={money(invoice.amountDueMinor)} />
        </View>
        <Text style={styles.note}>
          Amounts in {invoice.currency}. Seats and add-ons are billed for the month ahead; a change
          of plan or add-ons is billed for the rest of its month on the next invoice.
        </Text>
        <Text
          style={styles.pageNumber}
          fixed
          render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
        />
      </Page>
    </Document>
  );
}

/** The invoice as a PDF file, from the same details as the printable page. */
export function renderInvoicePdf(invoice: InvoiceDetails): Promise<Buffer> {
  return renderToBuffer(<InvoicePdfDocument invoice={invoice} />);
}
