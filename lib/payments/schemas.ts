import { z } from "zod";

// The payment forms' schemas, shared by the browser and the server actions.

/** A key the page makes when it shows a payment form: a double submit sends it twice. */
export const idempotencyKeySchema = z
  .string({ error: "The form is missing its payment key: reload the page and try again." })
  .regex(/^[A-Za-z0-9_-]{16,100}$/, "The form's payment key is not valid: reload the page.");

/**
 * "$1,234.50" → 123450 cents. Commas only as thousands separators ("12,34" is refused, not
 * read as 1,234), and only whole cents: "1.005" is refused, never rounded.
 */
export function parseAmountMinor(value: string): number | undefined {
  const text = value.trim().replace(/^\$/, "");
  if (!/^(\d{1,3}(,\d{3})+|\d{1,9})(\.\d{1,2})?$/.test(text)) return undefined;
  const [whole = "", cents = ""] = text.replace(/,/g, "").split(".");
  if (whole.length > 9) return undefined;
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}

const maxManualPaymentMinor = 100_000_000; // $1,000,000.00

export const payInvoiceSchema = z.object({
  invoiceId: z.string().trim().min(1, "Choose the invoice to pay."),
  paymentMethodId: z
    .string({ error: "Choose a card to pay with." })
    .trim()
    .min(1, "Choose a card to pay with."),
  idempotencyKey: idempotencyKeySchema,
});
export type PayInvoiceInput = z.output<typeof payInvoiceSchema>;

export const manualPaymentKinds = ["cheque", "transfer"] as const;
export const manualPaymentKindLabels: Record<(typeof manualPaymentKinds)[number], string> = {
  cheque: "Cheque",
  transfer: "Bank transfer",
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const manualPaymentSchema = z.object({
  kind: z.enum(manualPaymentKinds, { error: "Choose cheque or bank transfer." }),
  amount: z
    .string({ error: "Enter the amount received." })
    .trim()
    .min(1, "Enter the amount received.")
    .transform((value, context) => {
      const minor = parseAmountMinor(value);
      if (minor === undefined) {
        context.addIssue({
          code: "custom",
          message: "Enter an amount in dollars and cents, such as 120.50.",
        });
        return z.NEVER;
      }
      if (minor <= 0) {
        context.addIssue({ code: "custom", message: "Enter an amount above zero." });
        return z.NEVER;
      }
      if (minor > maxManualPaymentMinor) {
        context.addIssue({ code: "custom", message: "Enter at most $1,000,000.00." });
        return z.NEVER;
      }
      return minor;
    }),
  receivedOn: z
    .string({ error: "Enter the day the payment was received." })
    .trim()
    .regex(isoDate, "Enter the day the payment was received.")
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      "Enter a real date.",
    )
    .refine((value) => value >= "2000-01-01", "Enter a date after 2000."),
  reference: z
    .string({ error: "Enter the cheque number or the transfer's reference." })
    .trim()
    .min(1, "Enter the cheque number or the transfer's reference.")
    .max(100, "Keep the reference to 100 characters."),
  /** The invoice paid, or "" to record the money as account credit. */
  invoiceId: z.string().trim().default(""),
  idempotencyKey: idempotencyKeySchema,
});
export type ManualPaymentFormValues = z.input<typeof manualPaymentSchema>;
export type ManualPaymentInput = z.output<typeof manualPaymentSchema>;

export const applyCreditSchema = z.object({
  invoiceId: z.string().trim().min(1),
  idempotencyKey: idempotencyKeySchema,
});
