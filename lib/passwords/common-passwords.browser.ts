// The browser build of common-passwords (chosen by the "browser" condition of
// "#common-passwords" in package.json). Shipping 10,000 leaked passwords to every
// page that has a password field would cost ~200 KB; the server action runs the
// same schema with the real list and shows its refusal beside the field.
export const COMMON_PASSWORD_COUNT = 0;

export function isCommonPassword(_password: string): boolean {
  return false;
}
