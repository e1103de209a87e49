import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "@/components/cx";
import { Pane } from "@/components/pane";

const steps = ["Template", "Setup Attributes", "Preview"] as const;

/** The apply-template wizard's frame: where the seat goes, the steps, a way back to the form. */
export function WizardFrame({
  title,
  instanceName,
  current,
  backHref,
  children,
}: {
  title: string;
  instanceName: string;
  /** The step shown; absent for "Add", which has one step. */
  current?: (typeof steps)[number];
  backHref: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="sr-only">{title}</h1>
      <Pane
        title={`${title} · ${instanceName}`}
        actions={
          <Link href={backHref} className="text-sm text-accent-700 underline">
            Back to the user form
          </Link>
        }
      >
        {current ? (
          <ol
            className="flex flex-wrap gap-2 border-b border-neutral-200 px-4 py-3 text-sm"
            aria-label="Steps"
          >
            {steps.map((step, index) => (
              <li
                key={step}
                aria-current={step === current ? "step" : undefined}
                className={cx(
                  "rounded-full px-3 py-1",
                  step === current
                    ? "bg-accent-600 font-medium text-white"
                    : "bg-neutral-100 text-neutral-700",
                )}
              >
                {index + 1}. {step}
              </li>
            ))}
          </ol>
        ) : null}
        <div className="p-4">{children}</div>
      </Pane>
    </div>
  );
}
