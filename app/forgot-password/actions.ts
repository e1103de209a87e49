"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { parseAndRun } from "@/lib/actions/form-action";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/password-tokens/request-password-reset";
import { forgotPasswordSchema } from "@/lib/password-tokens/schemas";

// One answer for everyone: whether an account matched is never said (see requestPasswordReset).
export async function forgotPasswordAction(_state: ActionState | undefined, formData: FormData) {
  return parseAndRun(forgotPasswordSchema, formData, async (input) => {
    await requestPasswordReset({
      login: input.login,
      clientAddress: clientAddressFrom(await headers()),
    });
    redirect("/forgot-password?sent=1");
  });
}
