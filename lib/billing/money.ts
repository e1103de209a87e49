/**
 * Money is an integer count of minor units (cents) with its currency; nothing here uses
 * floating point. The one rounding rule is half away from zero: x.5 cents become x+1 cents,
 * -x.5 become -(x+1), so a charge and the credit that undoes it round alike.
 */

/** numerator / denominator rounded half away from zero; denominator must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("The denominator must be positive.");
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}

/** amount × numerator / denominator in minor units, rounded once by the rule above. */
export function scaleMinor(amountMinor: number, numerator: bigint, denominator: bigint): number {
  assertMinor(amountMinor);
  return Number(divideRounded(BigInt(amountMinor) * numerator, denominator));
}

export function assertMinor(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Money must be a whole number of minor units, not ${amountMinor}.`);
  }
}

/** The minor units per major unit of a currency: 2 for USD, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits as number;
}

/** "$1,234.50"; the amount goes to Intl as an exact decimal string, never as a float. */
export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  assertMinor(amountMinor);
  const digits = currencyDigits(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, "0");
  const decimal =
    digits === 0 ? text : `${text.slice(0, text.length - digits)}.${text.slice(-digits)}`;
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  // Intl accepts decimal strings (ECMA-402 NumberFormat v3); the type still says number.
  return format.format(`${negative ? "-" : ""}${decimal}` as unknown as number);
}

/** "a charge of $3.10", "a credit of $3.10", or "nothing" for a change that costs nothing. */
export function describeProrated(amountMinor: number, currency: string): string {
  if (amountMinor === 0) return "nothing";
  return amountMinor > 0
    ? `a charge of ${formatMoney(amountMinor, currency)}`
    : `a credit of ${formatMoney(-amountMinor, currency)}`;
}
