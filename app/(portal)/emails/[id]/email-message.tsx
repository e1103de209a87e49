import type { EmailDetails } from "@/lib/email/get-email";

/**
 * The message as sent. The HTML is shown in an iframe with every sandbox restriction (no
 * scripts, no same origin, no navigation, no forms), from srcdoc, so nothing in it can reach
 * the portal; the text part is shown as text.
 */
export function EmailMessage({ email }: { email: EmailDetails }) {
  return (
    <div className="space-y-3 border-t border-neutral-200 p-4">
      <h3 className="text-sm font-semibold text-neutral-900">Message</h3>
      <iframe
        title={`The message as sent: ${email.subject}`}
        sandbox=""
        srcDoc={email.html}
        referrerPolicy="no-referrer"
        className="h-[32rem] w-full rounded-md border border-neutral-200 bg-white"
      />
      <details className="rounded-md border border-neutral-200">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-neutral-800">
          Plain-text part
        </summary>
        <pre className="max-h-96 overflow-auto border-t border-neutral-200 p-3 text-xs whitespace-pre-wrap break-words text-neutral-900">
          {email.text}
        </pre>
      </details>
    </div>
  );
}
