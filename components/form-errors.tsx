import type { ReactNode } from "react";

/** The form-level error, announced at once; field errors sit under their fields. */
export function FormErrorSummary({
  message,
  children,
}: {
  message?: string;
  children?: ReactNode;
}) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className="mt-0.5 size-4 shrink-0"
      >
        <path
          fillRule="evenodd"
          d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM9 6a1 1 0 1 1 2 0v4a1 1 0 1 1-2 0V6Zm1 8.5a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5Z"
          clipRule="evenodd"
        />
      </svg>
      <div>
        <p className="font-medium">{message}</p>
        {children}
      </div>
    </div>
  );
}
