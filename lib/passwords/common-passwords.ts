// Imported straight from the dictionary file rather than the package index, which would also
// bundle (and decompress at load) the diceware word list into every client page that validates
// a password. The package has no exports map, so this path resolves in bundlers and in Node ESM.
import rankedPasswords from "@zxcvbn-ts/language-common/dist/passwords.json.mjs";

// Only 25 of the 10,000 most common passwords are 12 characters or longer, so with the length
// rule a top-10,000 check would be nearly moot. The package's whole ranked list (about 49,000
// leaked passwords, the top 10,000 first) also catches "password1234" and "123456789012".

let commonPasswords: Set<string> | undefined;

function getCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(rankedPasswords.map((password) => password.toLowerCase()));
  return commonPasswords;
}

/** True when the password, lower-cased, is in the ranked list of common leaked passwords. */
export function isCommonPassword(password: string): boolean {
  return getCommonPasswords().has(password.toLowerCase());
}
