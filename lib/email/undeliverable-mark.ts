// No "server-only": lib/users services spread this into their updates.

/** The columns that clear a user's undeliverable mark. */
export const clearedUndeliverableMark = {
  emailUndeliverableAt: null,
  emailUndeliverableReason: "",
} as const;

/**
 * What a user update sets besides its fields: a new address starts without the mark the old
 * one earned (another letter case is the same address and keeps it).
 */
export function undeliverableMarkOnEmailChange(
  before: string,
  after: string | undefined,
): Partial<typeof clearedUndeliverableMark> {
  if (after === undefined || after.toLowerCase() === before.toLowerCase()) return {};
  return clearedUndeliverableMark;
}
