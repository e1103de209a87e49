import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { hasAnyAccount } from "@/lib/accounts/setup-organization";
import { currentSession } from "@/lib/auth/current-user";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInMessage } from "@/lib/auth/sign-in-message";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const reasons = ["invalid", "locked", "address_blocked"] as const;
const notices: Record<string, string> = {
  "password-changed": "Your password was changed. Sign in with the new one.",
  "licence-declined": "You declined the licence agreement and were signed out.",
  "signed-out": "You are signed out.",
  "session-ended": "Your session ended. Sign in again to continue.",
};

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl, "/");
  if (!(await hasAnyAccount())) redirect("/setup");
  if ((await currentSession()).status !== "anonymous") redirect(callbackUrl);

  const reason = reasons.find((candidate) => candidate === params.error);
  const retry = Number(params.retry ?? 0) || 0;
  const notice = notices[String(params.notice)];
  return (
    <AuthCard title="Sign in" description="Use your user name or email and your password.">
      <SignInForm
        callbackUrl={callbackUrl}
        login={typeof params.login === "string" ? params.login : ""}
        error={reason ? signInMessage(reason, retry) : undefined}
        notice={notice}
      />
    </AuthCard>
  );
}
