// The embedded test provider's cards: Stripe's well-known test numbers, so a person who knows
// Stripe's test mode knows these, and a browser test can use the same numbers against both.

/** How a saved test card answers a charge. */
export const testCardBehaviours = [
  "succeeds",
  "card_declined",
  "insufficient_funds",
  "lost_card",
  "expired_card",
  "incorrect_cvc",
  "processing_error",
] as const;
export type TestCardBehaviour = (typeof testCardBehaviours)[number];

export type TestCard = {
  number: string;
  brand: "visa" | "mastercard" | "amex" | "discover";
  behaviour: TestCardBehaviour;
  /** What the page says about it. */
  description: string;
};

export const testCards: readonly TestCard[] = [
  { number: "4242424242424242", brand: "visa", behaviour: "succeeds", description: "Visa" },
  {
    number: "4000056655665556",
    brand: "visa",
    behaviour: "succeeds",
    description: "Visa (debit)",
  },
  {
    number: "5555555555554444",
    brand: "mastercard",
    behaviour: "succeeds",
    description: "Mastercard",
  },
  {
    number: "2223003122003222",
    brand: "mastercard",
    behaviour: "succeeds",
    description: "Mastercard (2-series)",
  },
  {
    number: "378282246310005",
    brand: "amex",
    behaviour: "succeeds",
    description: "American Express",
  },
  {
    number: "6011111111111117",
    brand: "discover",
    behaviour: "succeeds",
    description: "Discover",
  },
  {
    number: "4000000000000002",
    brand: "visa",
    behaviour: "card_declined",
    description: "Declined",
  },
  {
    number: "4000000000009995",
    brand: "visa",
    behaviour: "insufficient_funds",
    description: "Declined: insufficient funds",
  },
  {
    number: "4000000000009987",
    brand: "visa",
    behaviour: "lost_card",
    description: "Declined: lost card",
  },
  {
    number: "4000000000000069",
    brand: "visa",
    behaviour: "expired_card",
    description: "Declined: expired card",
  },
  {
    number: "4000000000000127",
    brand: "visa",
    behaviour: "incorrect_cvc",
    description: "Declined: incorrect security code",
  },
  {
    number: "4000000000000119",
    brand: "visa",
    behaviour: "processing_error",
    description: "Declined: processing error",
  },
];

/** What a charge to a declining card answers: Stripe's code and message for each. */
export const testDeclines: Record<
  Exclude<TestCardBehaviour, "succeeds">,
  { code: string; reason: string }
> = {
  card_declined: { code: "card_declined", reason: "Your card was declined." },
  insufficient_funds: { code: "insufficient_funds", reason: "Your card has insufficient funds." },
  lost_card: { code: "lost_card", reason: "Your card was declined." },
  expired_card: { code: "expired_card", reason: "Your card has expired." },
  incorrect_cvc: { code: "incorrect_cvc", reason: "Your card's security code is incorrect." },
  processing_error: {
    code: "processing_error",
    reason: "An error occurred while processing your card. Try again.",
  },
};

/** The digits of a typed card number, without the spaces and dashes people type. */
export function cardDigits(typed: string): string {
  return typed.replace(/[\s-]/g, "");
}

/** The Luhn check every card number passes (it catches most single typos). */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function findTestCard(digits: string): TestCard | undefined {
  return testCards.find((card) => card.number === digits);
}

/** "4242 4242 4242 4242" (Amex: "3782 822463 10005"), as the page lists them. */
export function groupedCardNumber(digits: string): string {
  if (digits.length === 15) {
    return `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}`;
  }
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}
