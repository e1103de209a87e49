import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { checkPasswordLink } from "@/lib/password-tokens/check-password-link";
import { setPasswordAction } from "./actions";
import { ExpiredLink } from "./expired-link";
import { PasswordLinkForm } from "./password-link-form";

// The token in the address never leaves in a Referer: the portal's Referrer-Policy gives other
// sites the origin only. (no-referrer would make the plain form post's Origin "null", which
// server actions refuse.)
export const metadata: Metadata = { title: "Choose your password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opened from the login instructions' email. Looking does not spend the link; saving does.
export default async function SetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? token : "";
  const holder = await checkPasswordLink({ token: link, purpose: "set_password" });
  if (!holder) {
    return (
      <ExpiredLink
        title="Choose your password"
        advice="Ask your Administrator to send the login instructions again, or have a new link sent to your email."
      />
    );
  }
  return (
    <AuthCard
      title="Choose your password"
      description={`Welcome! You sign in as ${holder.userName}.`}
    >
      <PasswordLinkForm
        token={link}
        action={setPasswordAction}
        userName={holder.userName}
        submitLabel="Set password and sign in"
      />
    </AuthCard>
  );
}
