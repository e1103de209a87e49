import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { PasswordTokenPurpose } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { parseAndRun } from "@/lib/actions/form-action";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { signIn } from "@/lib/auth/next-auth";
import { SignInRefused } from "@/lib/auth/sign-in-error";
import { setPasswordSchema } from "@/lib/password-tokens/schemas";
import { setPasswordWithToken } from "@/lib/password-tokens/set-password-with-token";

/**
 * The set-password and reset-password forms' action: sets the password through the link,
 * then signs the user in exactly as the sign-in form does (Auth.js, a new session row) and
 * opens the portal, whose licence gate comes first when needed. A sign-in refused by the
 * throttle (their address locked by earlier guesses) leaves them at the sign-in page.
 */
export async function completePasswordLink(
  purpose: PasswordTokenPurpose,
  formData: FormData,
): Promise<ActionState> {
  return parseAndRun(setPasswordSchema, formData, async (input) => {
    const { userName } = await setPasswordWithToken({
      token: input.token,
      purpose,
      newPassword: input.newPassword,
      clientAddress: clientAddressFrom(await headers()),
    });
    try {
      await signIn("credentials", {
        login: userName,
        password: input.newPassword,
        redirect: false,
      });
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      redirect("/sign-in?notice=password-changed");
    }
    redirect("/");
  });
}
