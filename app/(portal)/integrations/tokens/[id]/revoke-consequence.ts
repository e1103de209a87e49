import type { ApiTokenDetails } from "@/lib/api-tokens/get-api-token";

/** What revoking does, said the same way in the dialog and on the no-script page. */
export function revokeConsequence(token: Pick<ApiTokenDetails, "name">): string {
  return `Requests with the token ${token.name} are refused from the next one on. This cannot be undone: a system that uses it needs a new token.`;
}
