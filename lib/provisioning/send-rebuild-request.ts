import type { HttpProvisioning } from "./provisioning-config";
import { signedHeaders } from "./signature";

export type RebuildRequest = {
  /** The job's id: the same on every retry, so the back end can tell a repeat. */
  messageId: string;
  instanceId: string;
  rebuildId: string;
  accountId: string | null;
};

const timeoutMs = 15_000;

/**
 * POSTs a signed rebuild request to the provisioning back end. Anything but a 2xx answer
 * throws, so the job retries it later.
 */
export async function sendRebuildRequest(
  config: HttpProvisioning,
  request: RebuildRequest,
  now = new Date(),
): Promise<void> {
  const body = JSON.stringify({
    instanceId: request.instanceId,
    rebuildId: request.rebuildId,
    accountId: request.accountId,
    ...(config.callbackUrl ? { callbackUrl: config.callbackUrl } : {}),
  });
  let response: Response;
  try {
    response = await fetch(config.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signedHeaders({ secret: config.secret, id: request.messageId, body, now }),
      },
      body,
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined) ?? error) : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`The provisioning service could not be reached: ${reason}`);
  }
  await response.body?.cancel();
  if (!response.ok) {
    throw new Error(
      `The provisioning service answered ${response.status} ${response.statusText}`.trim(),
    );
  }
}
