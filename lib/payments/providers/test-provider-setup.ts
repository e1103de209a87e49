// No "server-only": the payments.settle job (plain Node) charges through the provider too.
import crypto from "node:crypto";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import {
  type CardFormField,
  type CardFormInput,
  checkCardForm,
  mayHoldCardNumber,
} from "./test-card-form";
import { readTestProviderValue, setupExpiry, signTestProviderValue } from "./test-provider-signing";

// The embedded test provider's hosted card page: its address, and what its form's post does.

export const testProviderSetupPath = "/test-provider/setup";
export const testProviderSubmitPath = "/test-provider/setup/submit";

/** The page's address for a session, with what to show again after a refusal. */
export function testProviderSetupUrl(
  session: string,
  again: { expiry?: string; name?: string; errors?: Partial<Record<CardFormField, string>> } = {},
): string {
  const params = new URLSearchParams({ session });
  // Typed values come back only when they cannot be a card number in the wrong box: the
  // address ends up in history and logs.
  if (again.expiry && /^[\d\s/]{0,7}$/.test(again.expiry)) params.set("expiry", again.expiry);
  if (again.name && !mayHoldCardNumber(again.name)) params.set("name", again.name.slice(0, 100));
  for (const [field, code] of Object.entries(again.errors ?? {})) {
    if (code) params.set(`${field}_error`, code);
  }
  return `${testProviderSetupPath}?${params}`;
}

export type SubmitCardSetupOptions = CardFormInput & { session: string; now?: Date };

/**
 * Where the browser goes after posting the card form: back to the portal with the signed
 * reference to the saved card, or back to the page with each field's problem. The card number
 * and security code are never part of either address, and nothing is stored.
 */
export function submitCardSetup({ session, now = new Date(), ...form }: SubmitCardSetupOptions) {
  const setup = readTestProviderValue("session", session, now);
  // The page explains an invalid or expired link and offers no form.
  if (!setup) return { location: testProviderSetupUrl(session), saved: false as const };
  const result = checkCardForm(form, now);
  if (!result.ok) {
    return {
      location: testProviderSetupUrl(session, {
        expiry: form.expiry,
        name: form.name,
        errors: result.errors,
      }),
      saved: false as const,
    };
  }
  const { card, expMonth, expYear, holderName } = result.checked;
  const reference = signTestProviderValue("reference", {
    exp: setupExpiry(now),
    setupId: crypto.randomBytes(12).toString("base64url"),
    accountId: setup.accountId,
    brand: card.brand,
    last4: card.number.slice(-4),
    expMonth,
    expYear,
    holderName,
    behaviour: card.behaviour,
  });
  return {
    location: safeRedirectPath(
      setup.returnUrl.replaceAll("{SETUP_REFERENCE}", encodeURIComponent(reference)),
    ),
    saved: true as const,
  };
}
