const extensionPattern = /^[0-9]{1,8}$/;

/** Why a phone extension is refused, or undefined. Empty means no extension. */
export function extensionProblem(value: string): string | undefined {
  if (value === "" || extensionPattern.test(value)) return undefined;
  return "Use 1 to 8 digits.";
}
