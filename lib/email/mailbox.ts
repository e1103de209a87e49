import { sanitizeHeaderText } from "./header-text";

// Addresses the portal sends to or from: "ada@example.com" or "Ada Lovelace <ada@example.com>".
// The address part is checked strictly enough that no header can be smuggled through it.

const addressPattern =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const namedPattern = /^(.*)<([^<>]+)>$/s;
const maxAddressLength = 254;
const maxNameLength = 100;

export type Mailbox = { name: string; address: string };

/** True for a bare address the portal will send to. */
export function isEmailAddress(value: string): boolean {
  return value.length <= maxAddressLength && addressPattern.test(value);
}

/** Parses a mailbox, or undefined when its address is not one the portal sends to. */
export function parseMailbox(value: string): Mailbox | undefined {
  const trimmed = value.trim();
  const named = namedPattern.exec(trimmed);
  const address = (named ? (named[2] ?? "") : trimmed).trim();
  if (!isEmailAddress(address)) return undefined;
  const name = named ? displayName(named[1] ?? "") : "";
  return { name, address };
}

function displayName(value: string): string {
  const unquoted = value.trim().replace(/^"(.*)"$/s, "$1");
  return sanitizeHeaderText(unquoted.replace(/["\\<>]/g, ""), maxNameLength);
}

/** The header form of a mailbox; the name is quoted when it holds a special character. */
export function formatMailbox({ name, address }: Mailbox): string {
  const clean = displayName(name);
  if (!clean) return address;
  return /[()[\]:;@,.]/.test(clean) ? `"${clean}" <${address}>` : `${clean} <${address}>`;
}
