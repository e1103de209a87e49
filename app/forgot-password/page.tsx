import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ForgotPasswordPage({ searchParams }: Props) {
  const { sent, login } = await searchParams;
  if (sent) {
    return (
      <AuthCard title="Check your email">
        <p className="text-sm text-neutral-800">
          If an account matches, we sent a link to its email address. The link works once, for 30
          minutes. Nothing arrived? Check your spam folder, or ask your Administrator.
        </p>
        <p className="mt-5 text-sm">
          <Link href="/sign-in" className="font-medium text-accent-700 underline">
            Back to sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Forgot password?"
      description="Enter your user name or email. We send a link to choose a new password to the email of your account."
    >
      <ForgotPasswordForm login={typeof login === "string" ? login.slice(0, 254) : ""} />
    </AuthCard>
  );
}
