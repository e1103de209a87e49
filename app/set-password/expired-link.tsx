import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { invalidLinkMessage } from "@/lib/password-tokens/token-lifetimes";

/** What a link that no longer works opens: the same words whatever the reason. */
export function ExpiredLink({ title, advice }: { title: string; advice: string }) {
  return (
    <AuthCard title={title}>
      <p role="alert" className="text-sm text-neutral-800">
        {invalidLinkMessage}
      </p>
      <p className="mt-3 text-sm text-neutral-700">{advice}</p>
      <p className="mt-5 flex gap-4 text-sm">
        <Link href="/forgot-password" className="font-medium text-accent-700 underline">
          Send me a new link
        </Link>
        <Link href="/sign-in" className="text-accent-700 underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
