import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { checkPasswordLink } from "@/lib/password-tokens/check-password-link";
import { ExpiredLink } from "../set-password/expired-link";
import { PasswordLinkForm } from "../set-password/password-link-form";
import { resetPasswordAction } from "./actions";

// The token in the address never leaves in a Referer: the portal's Referrer-Policy gives other
// sites the origin only. (no-referrer would make the plain form post's Origin "null", which
// server actions refuse.)
export const metadata: Metadata = { title: "Reset your password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opened from the password reset email. Looking does not spend the link; saving does.
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? token : "";
  const holder = await checkPasswordLink({ token: link, purpose: "reset_password" });
  if (!holder) {
    return (
      <ExpiredLink
        title="Reset your password"
        advice="A reset link works once, for 30 minutes, and only the newest one sent works."
      />
    );
  }
  return (
    <AuthCard
      title="Reset your password"
      description={`Choose a new password for ${holder.userName}.`}
    >
      <PasswordLinkForm
        token={link}
        action={resetPasswordAction}
        userName={holder.userName}
        submitLabel="Reset password and sign in"
        note="This signs you out everywhere else."
      />
    </AuthCard>
  );
}
