import { z } from "zod";
import { isSingleLine, optionalText } from "@/lib/form-values";
import { parsePhone } from "@/lib/users/fields/phone";
import { parseTaxRate } from "./tax-rate";
import { isTimeZone } from "./time-zones";

const optionalEmail = (label: string) =>
  z
    .string()
    .trim()
    .max(254, `${label} must be at most 254 characters.`)
    .optional()
    .transform((value) => value ?? "")
    .pipe(z.union([z.literal(""), z.email(`Enter a valid ${label.toLowerCase()}.`)]));

/** The Organization form, parsed the same way in the browser and by the server action. */
export const organizationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the organization's name.")
    .max(100, "Name must be at most 100 characters.")
    .refine(isSingleLine, "Name must be one line without control characters."),
  address: optionalText(500, "Address"),
  contactEmail: optionalEmail("Contact email"),
  billingEmail: optionalEmail("Billing email"),
  phone: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parsePhone(value ?? "");
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.e164;
    }),
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list."),
  taxRate: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTaxRate(value ?? "");
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.basisPoints;
    }),
});

export type OrganizationFormValues = z.input<typeof organizationSchema>;
/** What the service stores; the tax rate in basis points (825 = 8.25 %). */
export type OrganizationInput = z.output<typeof organizationSchema>;
