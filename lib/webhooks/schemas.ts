import { z } from "zod";
import { optionalText } from "@/lib/form-values";
import { isWebhookSubscription, normalizeSubscriptions } from "./event-types";

export const webhookUrlMaxLength = 2000;

/**
 * What is wrong with an endpoint URL as written, or undefined. Where it leads (a private
 * address) is checked on the server, which resolves the name.
 */
export function webhookUrlProblem(value: string, allowHttp: boolean): string | undefined {
  if (value === "") return "Enter the endpoint's URL.";
  if (value.length > webhookUrlMaxLength) {
    return `Use at most ${webhookUrlMaxLength.toLocaleString("en")} characters.`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, such as https://crm.example.com/webhooks.";
  }
  if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:")) {
    return allowHttp ? "Use an https:// or http:// URL." : "Use an https:// URL.";
  }
  if (url.username || url.password) {
    return "Leave out the user name and password: every request is signed instead.";
  }
  if (!url.hostname) return "Enter a URL with a host name.";
  return undefined;
}

/** Check boxes named "eventTypes"; FormData sends one, many or none. */
const eventTypes = z.preprocess(
  (value) => (value === undefined || value === false ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.string())
    .transform((values) => values.filter((value) => value !== ""))
    .refine((values) => values.every(isWebhookSubscription), "Unknown event type.")
    .transform(normalizeSubscriptions)
    .refine((values) => values.length > 0, "Choose at least one event type."),
);

/**
 * The endpoint form, for the browser and the server alike. `allowHttp` is the development
 * setting WEBHOOK_ALLOW_PRIVATE_URLS, which the page hands to the browser.
 */
export function webhookEndpointSchema({ allowHttp }: { allowHttp: boolean }) {
  return z.object({
    url: z
      .string()
      .trim()
      .superRefine((value, context) => {
        const problem = webhookUrlProblem(value, allowHttp);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
    description: optionalText(500, "Description"),
    eventTypes,
  });
}

type WebhookEndpointSchema = ReturnType<typeof webhookEndpointSchema>;
export type WebhookEndpointFormValues = z.input<WebhookEndpointSchema>;
export type WebhookEndpointInput = z.output<WebhookEndpointSchema>;
