import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { checkPasswordLink } from "@/lib/password-tokens/check-password-link";
import { ExpiredLink } from "../set-password/expired-link";
import { PasswordLinkForm } from "../set-password/password-link-form";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Reset your password", referrer: "no-referrer" };

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
