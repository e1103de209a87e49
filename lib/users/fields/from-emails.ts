import { z } from "zod";

export type ParseFromEmailsResult = { ok: true; emails: string[] } | { ok: false; message: string };

const emailSchema = z.email();

/**
 * Parses the "from" addresses a user may send as: separated by commas, semicolons or new lines.
 * Order is kept because the first address is the default sender; a repeated address (in any
 * letter case) keeps its first spelling. Empty input means no addresses.
 */
export function parseFromEmails(input: string): ParseFromEmailsResult {
  const emails: string[] = [];
  const seen = new Set<string>();
  for (const entry of input.split(/[,;\r\n]/)) {
    const email = entry.trim();
    if (email === "") continue;
    if (!emailSchema.safeParse(email).success) {
      return { ok: false, message: `"${email}" is not a valid email address.` };
    }
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    emails.push(email);
  }
  return { ok: true, emails };
}
