import { env } from "@/lib/env";

export type HttpProvisioning = { kind: "http"; url: string; secret: string; callbackUrl?: string };

/** Where rebuilds go: the configured back end, or the embedded stand-in that completes them. */
export type ProvisioningConfig = { kind: "embedded" } | HttpProvisioning;

export function provisioningConfig(): ProvisioningConfig {
  if (env.PROVISIONING_URL && env.PROVISIONING_SECRET) {
    return {
      kind: "http",
      url: env.PROVISIONING_URL,
      secret: env.PROVISIONING_SECRET,
      callbackUrl: env.PROVISIONING_CALLBACK_URL,
    };
  }
  return { kind: "embedded" };
}
