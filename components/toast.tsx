"use client";

import { useEffect, useState } from "react";

const HIDE_AFTER_MS = 6000;

/**
 * The toast. The live region is always in the DOM so screen readers announce a message
 * when it is inserted. The server sets the "flash" cookie for one redirect; we delete it
 * here so a reload does not show the message again.
 *
 * It never covers the Save it confirms (a save returns to the same form, scrolled as it
 * was): on wide screens it is the lower-right toast, narrow enough to stay clear of the
 * forms' buttons, which start at the left of their pane; on narrower screens, where a
 * form fills the width, it shows at the top.
 */
export function Toaster({ message }: { message?: string }) {
  const [shown, setShown] = useState(message);
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (!message) return;
    // biome-ignore lint/suspicious/noDocumentCookie: one fixed expiry string; Cookie Store API is not in every supported browser.
    document.cookie = "flash=; Max-Age=0; path=/";
    setShown(message);
  }, [message]);

  // Hovering or focusing the toast keeps it open, so there is time to read it.
  useEffect(() => {
    if (!shown || paused) return;
    const timer = setTimeout(() => setShown(undefined), HIDE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [shown, paused]);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-4 top-3 z-50 flex flex-col items-center lg:inset-x-auto lg:top-auto lg:right-4 lg:bottom-4 lg:w-80 lg:items-end"
    >
      {shown ? (
        <section
          aria-label="Notification"
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          onBlur={() => setPaused(false)}
          className="toast-fades pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border border-neutral-200 bg-white py-3 pr-2 pl-4 text-sm text-neutral-900 shadow-lg"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            fill="currentColor"
            className="mt-0.5 size-4 shrink-0 text-accent-600"
          >
            <path
              fillRule="evenodd"
              d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3a1 1 0 0 0-1.4-1.4L9 10.6 7.7 9.3a1 1 0 0 0-1.4 1.4l2 2a1 1 0 0 0 1.4 0l4-4Z"
              clipRule="evenodd"
            />
          </svg>
          <p className="min-w-0 flex-1">{shown}</p>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => {
              setShown(undefined);
              setPaused(false);
            }}
            className="-my-1 rounded p-1 text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path d="M6.3 5.3a1 1 0 0 0-1.4 1.4L8.6 10l-3.7 3.3a1 1 0 1 0 1.4 1.4L10 11.4l3.3 3.3a1 1 0 0 0 1.4-1.4L11.4 10l3.3-3.3a1 1 0 0 0-1.4-1.4L10 8.6 6.3 5.3Z" />
            </svg>
          </button>
        </section>
      ) : null}
    </div>
  );
}
