import { parsePhoneNumberFromString } from "libphonenumber-js";

export type ParsePhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * Parses a phone number as typed (national numbers default to the US) into E.164 for storage.
 * Empty input means "no phone number". The whole input must be the number: surrounding text is
 * refused rather than silently dropped, and so is an extension, which E.164 cannot hold.
 */
export function parsePhone(input: string): ParsePhoneResult {
  const text = input.trim();
  if (text === "") return { ok: true, e164: "" };
  const phone = parsePhoneNumberFromString(text, { defaultCountry: "US", extract: false });
  if (!phone?.isValid()) {
    return { ok: false, message: "Enter a valid phone number, such as +1 212 555 0100." };
  }
  if (phone.ext) {
    return { ok: false, message: "Enter the phone number without an extension." };
  }
  return { ok: true, e164: phone.number };
}

/** International display form ("+1 212 555 0100"); anything unparsable is shown as stored. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/**
 * The help under a phone field: how a number typed without its country code will be
 * stored, before it is saved ("503 555 0199" becomes +1 503 555 0199).
 */
export function phoneHint(input: string): string {
  const parsed = parsePhone(input);
  if (parsed.ok && parsed.e164 && !input.trim().startsWith("+")) {
    return `Will be saved as ${formatPhone(parsed.e164)}. Include the country code if that is wrong.`;
  }
  return "Include the country code, such as +1 212 555 0100.";
}
