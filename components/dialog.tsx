"use client";

import {
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useFormStatus } from "react-dom";
import { type ButtonSize, type ButtonVariant, buttonClasses } from "./button";

/** Submits the confirmation and reports when the action has finished, to close the dialog. */
export function ConfirmButton({ label, onDone }: { label: ReactNode; onDone: () => void }) {
  const { pending } = useFormStatus();
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) onDone();
    wasPending.current = pending;
  }, [pending, onDone]);
  return (
    <button type="submit" disabled={pending} className={buttonClasses("danger")}>
      {label}
    </button>
  );
}

export type ConfirmDialogProps = {
  triggerLabel: ReactNode;
  /** Accessible name when the trigger is only an icon. */
  triggerAriaLabel?: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  title: string;
  /** Optional explanation under the title ("They can no longer sign in."). */
  description?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** A confirmation page, used when JavaScript is unavailable. */
  fallbackHref: string;
  action: (formData: FormData) => void | Promise<void>;
  hiddenFields?: Record<string, string>;
};

/**
 * Asks before a destructive action. Without JavaScript the trigger is a link to
 * a confirmation page; once hydrated it opens a native modal <dialog> instead.
 */
export function ConfirmDialog({
  triggerLabel,
  triggerAriaLabel,
  triggerVariant = "secondary",
  triggerSize = "sm",
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  fallbackHref,
  action,
  hiddenFields = {},
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => setHydrated(true), []);
  // Without scripts the trigger submits a GET form to the confirmation page.
  const fallbackUrl = new URL(fallbackHref, "http://portal.invalid");
  const fallbackPath = fallbackUrl.pathname;
  const fallbackQuery = fallbackUrl.searchParams;

  const close = useCallback(() => dialogRef.current?.close(), []);

  function open(event: MouseEvent<HTMLButtonElement>) {
    // Let modified clicks open the confirmation page in a new tab as usual.
    if (!hydrated || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    dialogRef.current?.showModal();
    cancelRef.current?.focus();
  }

  return (
    <>
      <form action={fallbackPath} method="get" className="inline-flex">
        {[...fallbackQuery].map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button
          type="submit"
          onClick={open}
          aria-label={triggerAriaLabel}
          aria-haspopup={hydrated ? "dialog" : undefined}
          className={buttonClasses(triggerVariant, triggerSize)}
        >
          {triggerLabel}
        </button>
      </form>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-neutral-200 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-neutral-900/40"
      >
        <form action={action}>
          {Object.entries(hiddenFields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="px-5 pt-5 pb-4">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="mt-2 text-sm text-neutral-700">
                {description}
              </div>
            ) : null}
          </div>
          {/* Cancel, then the destructive action on the right; the confirmation pages used
              without scripts show the same two in the same order. */}
          <div className="flex justify-end gap-2 rounded-b-lg border-t border-neutral-200 bg-neutral-50 px-5 py-3">
            <button
              ref={cancelRef}
              type="button"
              onClick={close}
              className={buttonClasses("secondary")}
            >
              {cancelLabel}
            </button>
            <ConfirmButton label={confirmLabel} onDone={close} />
          </div>
        </form>
      </dialog>
    </>
  );
}
