// Imported straight from the dictionary file rather than the package index, which would also
// bundle (and decompress at load) the diceware word list into every client page that validates
// a password. The package has no exports map, so this path resolves in bundlers and in Node ESM.
import rankedPasswords from "@zxcvbn-ts/language-common/dist/passwords.json.mjs";

export const COMMON_PASSWORD_COUNT = 10_000;

let commonPasswords: Set<string> | undefined;

function getCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    rankedPasswords.slice(0, COMMON_PASSWORD_COUNT).map((password) => password.toLowerCase()),
  );
  return commonPasswords;
}

/** True when the password, lower-cased, is among the 10,000 most common leaked passwords. */
export function isCommonPassword(password: string): boolean {
  return getCommonPasswords().has(password.toLowerCase());
}
