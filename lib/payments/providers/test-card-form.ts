import { cardExpired } from "@/lib/payments/card-label";
import {
  cardDigits,
  findTestCard,
  groupedCardNumber,
  luhnValid,
  type TestCard,
  testCards,
} from "./test-cards";

// The checks of the test provider's card form. A refusal names each field's problem by a short
// code: the page is sent back codes (never the typed number or code) and shows their messages,
// so a crafted link cannot put words of its own on the page.

export type CardFormInput = { number: string; expiry: string; cvc: string; name: string };
export type CardFormField = keyof CardFormInput;

const firstTestNumber = groupedCardNumber(testCards[0]!.number);

export const cardFormMessages = {
  number: {
    missing: "Enter your card number.",
    invalid: "Your card number is invalid.",
    unknown: `Use a test card number, such as ${firstTestNumber}.`,
  },
  expiry: {
    missing: "Enter your card's expiry date.",
    invalid: "Enter the expiry date as MM/YY.",
    past: "Your card's expiry date is in the past.",
    far: "Your card's expiry year is too far in the future.",
  },
  cvc: {
    three: "Enter the 3-digit security code on the back of your card.",
    four: "Enter the 4-digit security code on the front of your card.",
    either: "Enter the 3- or 4-digit security code of your card.",
  },
  name: {
    missing: "Enter the name on the card.",
    long: "The name on the card is at most 100 characters.",
    digits: "Enter the name printed on the card here, not its number.",
  },
} as const satisfies Record<CardFormField, Record<string, string>>;

export type CardFormErrors = {
  [Field in CardFormField]?: keyof (typeof cardFormMessages)[Field];
};

/** The message of an error code from the page's address; undefined for an unknown one. */
export function cardFormMessage(field: CardFormField, code: string | undefined) {
  if (!code) return undefined;
  const messages: Record<string, string> = cardFormMessages[field];
  return Object.hasOwn(messages, code) ? messages[code] : undefined;
}

export type CheckedCard = {
  card: TestCard;
  expMonth: number;
  expYear: number;
  holderName: string;
};

/** Card expiry years further ahead are typing mistakes (issuers give a few years). */
const maxYearsAhead = 20;

/** The test card the form describes, or each field's problem. */
export function checkCardForm(
  input: CardFormInput,
  now = new Date(),
): { ok: true; checked: CheckedCard } | { ok: false; errors: CardFormErrors } {
  const errors: CardFormErrors = {};
  const digits = cardDigits(input.number);
  let card: TestCard | undefined;
  if (!digits) errors.number = "missing";
  else if (!/^\d+$/.test(digits) || !luhnValid(digits)) errors.number = "invalid";
  else {
    card = findTestCard(digits);
    if (!card) errors.number = "unknown";
  }

  const expiry = parseExpiry(input.expiry);
  if (!input.expiry.trim()) errors.expiry = "missing";
  else if (!expiry) errors.expiry = "invalid";
  else if (cardExpired(expiry, now)) errors.expiry = "past";
  else if (expiry.expYear > now.getUTCFullYear() + maxYearsAhead) errors.expiry = "far";

  const cvc = input.cvc.trim();
  const cvcLength = card ? (card.brand === "amex" ? 4 : 3) : undefined;
  const cvcFits = cvcLength ? cvc.length === cvcLength : cvc.length === 3 || cvc.length === 4;
  if (!/^\d+$/.test(cvc) || !cvcFits) {
    errors.cvc = cvcLength === 4 ? "four" : cvcLength === 3 ? "three" : "either";
  }

  const holderName = input.name.trim().replace(/\s+/g, " ");
  if (!holderName) errors.name = "missing";
  else if (holderName.length > 100) errors.name = "long";
  // A number pasted into the wrong box must not be stored as a name.
  else if (mayHoldCardNumber(holderName)) errors.name = "digits";

  if (!card || !expiry || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, checked: { card, ...expiry, holderName } };
}

/** "08/30", "8/30", "08 / 2030", "0830" → month and four-digit year. */
export function parseExpiry(typed: string): { expMonth: number; expYear: number } | undefined {
  const match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(typed.trim());
  if (!match) return undefined;
  const expMonth = Number(match[1]);
  const year = Number(match[2]);
  if (expMonth < 1 || expMonth > 12) return undefined;
  return { expMonth, expYear: match[2]!.length === 2 ? 2000 + year : year };
}

/** Twelve digits or more, however spaced: possibly a card number typed in the wrong box. */
export function mayHoldCardNumber(value: string): boolean {
  return (value.match(/\d/g) ?? []).length >= 12;
}
