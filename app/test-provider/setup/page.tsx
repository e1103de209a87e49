import type { Metadata } from "next";
import type { ReactNode } from "react";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { readTestProviderValue } from "@/lib/payments/providers/test-provider-signing";
import { CardSetupForm } from "./card-setup-form";
import { TestCardList } from "./test-card-list";

// The embedded test provider's hosted page: it plays an external provider's part, outside the
// portal's frame, so the card number is typed here and posted to the provider's own handler.
export const metadata: Metadata = {
  title: "Test payment provider",
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TestProviderSetupPage({ searchParams }: Props) {
  const params = await searchParams;
  const text = (name: string) => {
    const value = params[name];
    return typeof value === "string" ? value : "";
  };
  const session = text("session");
  const setup = readTestProviderValue("session", session);
  if (!setup) {
    return (
      <ProviderFrame>
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm">
          <p className="font-medium text-red-800">
            This card setup link is not valid or has expired.
          </p>
          <p className="mt-1 text-red-800">
            A link works for one hour. Go back to the portal and add the card again.
          </p>
        </div>
        <a href="/" className="mt-4 inline-block text-sm font-medium text-accent-700 underline">
          Back to the portal
        </a>
      </ProviderFrame>
    );
  }
  return (
    <ProviderFrame>
      <p className="text-sm text-neutral-700">
        This is the portal&apos;s embedded test payment provider, standing in for a real one while
        none is configured. Nothing is charged to a real card: only the test card numbers listed
        below are accepted.
      </p>
      <CardSetupForm
        session={session}
        cancelUrl={safeRedirectPath(setup.cancelUrl)}
        expiry={text("expiry")}
        name={text("name")}
        errorCodes={{
          number: text("number_error"),
          expiry: text("expiry_error"),
          cvc: text("cvc_error"),
          name: text("name_error"),
        }}
      />
      <TestCardList />
    </ProviderFrame>
  );
}

/** The provider's own look: a plain card with a test-mode badge, not the portal's frame. */
function ProviderFrame({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen justify-center bg-neutral-100 px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg rounded-lg border border-neutral-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-lg font-semibold text-neutral-900">Test payment provider</h1>
          <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900">
            Test mode
          </span>
        </div>
        <div className="mt-4 space-y-6">{children}</div>
      </div>
    </main>
  );
}
