// ASCII only: user names are typed at sign-in and used in SIP and CRM integrations, and
// look-alike letters from other scripts would let two names read the same.
const userNameCharacters = /^[A-Za-z0-9._-]*$/;

/** Why a user name is refused, or undefined. */
export function userNameProblem(value: string): string | undefined {
  if (value === "") return "Enter a user name.";
  const length = [...value].length;
  if (length < 3 || length > 64) return "Use 3 to 64 characters.";
  if (!userNameCharacters.test(value)) {
    return "Use only letters, digits, dots, underscores and hyphens.";
  }
  return undefined;
}
