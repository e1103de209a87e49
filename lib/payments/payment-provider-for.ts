// No "server-only": the payments.settle job (plain Node) charges through the provider too.
import { env } from "@/lib/env";
import type { PaymentProvider } from "./payment-provider";
import { stripeProvider } from "./providers/stripe-provider";
import { testProvider } from "./providers/test-provider";

let stripe: PaymentProvider | undefined;

/**
 * The configured payment provider: Stripe when STRIPE_SECRET_KEY is set (one client, so its
 * connections are reused), else the embedded test provider.
 */
export function paymentProvider(): PaymentProvider {
  const secretKey = env.STRIPE_SECRET_KEY;
  if (!secretKey) return testProvider;
  stripe ??= stripeProvider({ secretKey, apiUrl: env.STRIPE_API_URL });
  return stripe;
}
