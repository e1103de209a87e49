import { InvalidError } from "@/lib/errors";
import { RefusedDestinationError, type ResolveHost, resolvePublicAddresses } from "./resolve-host";
import { webhookUrlProblem } from "./schemas";

export type CheckWebhookUrlOptions = { allowPrivate: boolean; resolve: ResolveHost };

const refuse = (message: string) =>
  new InvalidError("Check the highlighted fields.", { url: message });

/**
 * Refuses, as an error on the URL field, an endpoint URL that is malformed, not https (http
 * only with the development setting), carries credentials, or whose host resolves now to any
 * private, loopback or otherwise internal address. Every delivery checks the address again.
 */
export async function checkWebhookUrl(url: string, options: CheckWebhookUrlOptions) {
  const problem = webhookUrlProblem(url, options.allowPrivate);
  if (problem) throw refuse(problem);
  try {
    await resolvePublicAddresses(new URL(url).hostname, options);
  } catch (error) {
    if (error instanceof RefusedDestinationError) throw refuse(error.message);
    throw error;
  }
}
