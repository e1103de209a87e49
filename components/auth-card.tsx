import type { ReactNode } from "react";
import { cx } from "./cx";

/** The wordmark: a small accent tile and the product name. */
export function Wordmark({ className }: { className?: string }) {
  return (
    <span
      className={cx("inline-flex items-center gap-2 font-semibold text-neutral-900", className)}
    >
      <span
        aria-hidden="true"
        className="grid size-6 place-items-center rounded-md bg-accent-600 text-xs font-bold text-white"
      >
        S
      </span>
      Switchboard
    </span>
  );
}

/** A centred card for pages outside the console: sign-in, setup, licence. */
export function AuthCard({
  title,
  description,
  children,
  wide = false,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** Wider card for long text such as the licence. */
  wide?: boolean;
}) {
  return (
    <main
      id="main"
      className="flex min-h-screen flex-col items-center justify-center bg-neutral-100 px-4 py-12"
    >
      <Wordmark className="mb-6 text-lg" />
      <div
        className={cx(
          "w-full rounded-lg border border-neutral-200 bg-white p-6 shadow-sm sm:p-8",
          wide ? "max-w-3xl" : "max-w-md",
        )}
      >
        <h1 className="text-lg font-semibold text-neutral-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-neutral-600">{description}</p> : null}
        <div className="mt-6">{children}</div>
      </div>
    </main>
  );
}
