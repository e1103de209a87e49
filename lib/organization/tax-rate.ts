export type ParseTaxRateResult = { ok: true; basisPoints: number } | { ok: false; message: string };

const taxRatePattern = /^(\d{0,3})(?:\.(\d{0,2}))?$/;

/**
 * A tax rate typed as a percent ("8.25", "8.25 %", "0") into basis points (825). Read as
 * text, digit by digit: 8.25 * 100 in floating point is 825.0000000000001. Empty means 0.
 */
export function parseTaxRate(input: string): ParseTaxRateResult {
  const text = input.trim().replace(/\s*%$/, "");
  if (text === "") return { ok: true, basisPoints: 0 };
  const match = taxRatePattern.exec(text);
  if (!match || !/\d/.test(text)) {
    return /^\d*\.\d{3,}$/.test(text)
      ? { ok: false, message: "Enter the tax rate with at most 2 decimals, such as 8.25." }
      : { ok: false, message: "Enter the tax rate as a percent between 0 and 100, such as 8.25." };
  }
  const whole = Number(match[1] || "0");
  const hundredths = Number((match[2] ?? "").padEnd(2, "0"));
  const basisPoints = whole * 100 + hundredths;
  if (basisPoints > 10_000) {
    return { ok: false, message: "Enter a tax rate between 0 and 100." };
  }
  return { ok: true, basisPoints };
}

/** Basis points as the form shows them: 825 -> "8.25", 800 -> "8", 850 -> "8.5". */
export function formatTaxRate(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const hundredths = String(basisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return hundredths ? `${whole}.${hundredths}` : String(whole);
}
